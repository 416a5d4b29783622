ALTER TYPE "public"."delivery_status" ADD VALUE 'stale';--> statement-breakpoint
ALTER TYPE "public"."deployment_source" ADD VALUE 'unknown';--> statement-breakpoint
ALTER TABLE "deployments" ALTER COLUMN "source" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "ci_runs" ADD COLUMN "reports_read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ci_runs" ADD COLUMN "report_error" text;--> statement-breakpoint
-- data migration
-- Runs already finished count as read: the sync does not fetch the reports of past runs again.
UPDATE "ci_runs" SET "reports_read_at" = COALESCE("completed_at", "provider_updated_at") WHERE "status" = 'completed';--> statement-breakpoint
-- Deployments stored as built from git with nothing to say so are relabelled. A value added by
-- ALTER TYPE ... ADD VALUE cannot be used in the transaction that adds it (the migrator runs
-- every pending migration in one), so the column goes through text and a type created afresh.
ALTER TABLE "deployments" ALTER COLUMN "source" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."deployment_source";--> statement-breakpoint
CREATE TYPE "public"."deployment_source" AS ENUM('git', 'promote', 'rollback', 'redeploy', 'unknown');--> statement-breakpoint
-- Promoted in place by envboard: production's target on a row of another environment.
UPDATE "deployments" AS d SET "source" = 'promote' FROM "environments" AS e
  WHERE e."id" = d."environment_id" AND d."source" = 'git' AND d."target" = 'production' AND e."kind" <> 'production';--> statement-breakpoint
-- No commit at all, or production serving another branch's commit with no promotion on record.
UPDATE "deployments" AS d SET "source" = 'unknown' FROM "environments" AS e
  WHERE e."id" = d."environment_id" AND d."source" = 'git'
    AND (d."commit_sha" = '' OR (e."kind" = 'production' AND d."git_branch" <> e."git_branch"));--> statement-breakpoint
ALTER TABLE "deployments" ALTER COLUMN "source" SET DATA TYPE "public"."deployment_source" USING "source"::"public"."deployment_source";
