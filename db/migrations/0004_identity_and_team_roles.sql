CREATE TYPE "public"."membership_source" AS ENUM('manual', 'team');--> statement-breakpoint
ALTER TYPE "public"."operation_kind" ADD VALUE 'membership';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_githubLogin_unique";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "source" "membership_source" DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "github_id" bigint;--> statement-breakpoint
CREATE INDEX "users_github_login_idx" ON "users" USING btree ("github_login");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_githubId_unique" UNIQUE("github_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_names_source_ck" CHECK (("memberships"."source" = 'team') = ("memberships"."team" is not null));