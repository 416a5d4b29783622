CREATE TABLE "provider_etags" (
	"key" text PRIMARY KEY NOT NULL,
	"etag" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "ingest_token_hash" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "required_checks" jsonb DEFAULT '["ci"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "seed_hook_url" text;--> statement-breakpoint
ALTER TABLE "environments" ADD COLUMN "pr_comment_id" bigint;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "step" text;