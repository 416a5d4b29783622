CREATE TYPE "public"."approval_decision" AS ENUM('approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."ci_conclusion" AS ENUM('success', 'failure', 'cancelled', 'skipped', 'timed_out');--> statement-breakpoint
CREATE TYPE "public"."ci_run_status" AS ENUM('queued', 'in_progress', 'completed');--> statement-breakpoint
CREATE TYPE "public"."cost_provider" AS ENUM('vercel', 'neon', 'github', 'monitoring');--> statement-breakpoint
CREATE TYPE "public"."db_branch_state" AS ENUM('init', 'ready', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('received', 'applied', 'ignored', 'failed', 'malformed');--> statement-breakpoint
CREATE TYPE "public"."deployment_source" AS ENUM('git', 'promote', 'rollback', 'redeploy');--> statement-breakpoint
CREATE TYPE "public"."deployment_state" AS ENUM('queued', 'building', 'ready', 'error', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."environment_kind" AS ENUM('production', 'staging', 'development', 'preview');--> statement-breakpoint
CREATE TYPE "public"."environment_status" AS ENUM('active', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."operation_kind" AS ENUM('provision', 'promote', 'rollback', 'reseed', 'delete', 'cleanup');--> statement-breakpoint
CREATE TYPE "public"."operation_state" AS ENUM('requested', 'approved', 'running', 'succeeded', 'failed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."pull_request_state" AS ENUM('open', 'closed', 'merged');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('viewer', 'developer', 'release_manager', 'admin');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."test_case_status" AS ENUM('passed', 'failed', 'skipped', 'flaky');--> statement-breakpoint
CREATE TYPE "public"."test_run_status" AS ENUM('passed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."test_suite" AS ENUM('unit', 'integration', 'e2e');--> statement-breakpoint
CREATE TYPE "public"."webhook_provider" AS ENUM('github', 'vercel');--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"github_owner" text NOT NULL,
	"github_repo" text NOT NULL,
	"production_branch" text DEFAULT 'main' NOT NULL,
	"vercel_project_id" text,
	"vercel_team_id" text,
	"neon_project_id" text,
	"monthly_budget_usd" numeric(12, 2) DEFAULT 100 NOT NULL,
	"require_approval" boolean DEFAULT true NOT NULL,
	"preview_ttl_days" integer DEFAULT 7 NOT NULL,
	"uptime_slo_pct" numeric(6, 3) DEFAULT 99.9 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"github_login" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"avatar_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_githubLogin_unique" UNIQUE("github_login")
);
--> statement-breakpoint
CREATE TABLE "db_branches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "db_branches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"neon_branch_id" text NOT NULL,
	"name" text NOT NULL,
	"parent_neon_branch_id" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"protected" boolean DEFAULT false NOT NULL,
	"state" "db_branch_state" NOT NULL,
	"logical_size_bytes" bigint DEFAULT 0 NOT NULL,
	"compute_seconds" bigint DEFAULT 0 NOT NULL,
	"migrations_validated_at" timestamp with time zone,
	"last_reset_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"provider_created_at" timestamp with time zone NOT NULL,
	"provider_updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "db_branches_neonBranchId_unique" UNIQUE("neon_branch_id")
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deployments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"environment_id" integer NOT NULL,
	"pull_request_id" integer,
	"vercel_id" text NOT NULL,
	"url" text NOT NULL,
	"target" "environment_kind" NOT NULL,
	"state" "deployment_state" NOT NULL,
	"source" "deployment_source" DEFAULT 'git' NOT NULL,
	"source_deployment_id" integer,
	"git_branch" text NOT NULL,
	"commit_sha" text NOT NULL,
	"commit_message" text NOT NULL,
	"commit_author" text NOT NULL,
	"error_message" text,
	"provider_created_at" timestamp with time zone NOT NULL,
	"build_started_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"build_duration_ms" integer,
	"provider_updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deployments_vercelId_unique" UNIQUE("vercel_id")
);
--> statement-breakpoint
CREATE TABLE "environments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "environments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"kind" "environment_kind" NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"git_branch" text NOT NULL,
	"url" text,
	"health_url" text,
	"pull_request_id" integer,
	"db_branch_id" integer,
	"current_deployment_id" integer,
	"status" "environment_status" DEFAULT 'active' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"frozen_until" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pull_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pull_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"author" text NOT NULL,
	"head_branch" text NOT NULL,
	"base_branch" text NOT NULL,
	"head_sha" text NOT NULL,
	"state" "pull_request_state" NOT NULL,
	"draft" boolean DEFAULT false NOT NULL,
	"html_url" text,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"merged_at" timestamp with time zone,
	"provider_updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ci_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ci_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"github_run_id" bigint NOT NULL,
	"pull_request_id" integer,
	"workflow_name" text NOT NULL,
	"event" text NOT NULL,
	"head_branch" text NOT NULL,
	"head_sha" text NOT NULL,
	"status" "ci_run_status" NOT NULL,
	"conclusion" "ci_conclusion",
	"run_attempt" integer DEFAULT 1 NOT NULL,
	"html_url" text,
	"provider_created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"queue_ms" integer,
	"duration_ms" integer,
	"provider_updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ci_runs_githubRunId_unique" UNIQUE("github_run_id")
);
--> statement-breakpoint
CREATE TABLE "test_cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "test_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"test_run_id" integer NOT NULL,
	"suite" "test_suite" NOT NULL,
	"file" text NOT NULL,
	"name" text NOT NULL,
	"status" "test_case_status" NOT NULL,
	"duration_ms" integer NOT NULL,
	"retries" integer DEFAULT 0 NOT NULL,
	"failure_message" text
);
--> statement-breakpoint
CREATE TABLE "test_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "test_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"ci_run_id" integer,
	"environment_id" integer,
	"deployment_id" integer,
	"pull_request_id" integer,
	"external_id" text NOT NULL,
	"suite" "test_suite" NOT NULL,
	"status" "test_run_status" NOT NULL,
	"commit_sha" text NOT NULL,
	"branch" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"total" integer NOT NULL,
	"passed" integer NOT NULL,
	"failed" integer NOT NULL,
	"skipped" integer NOT NULL,
	"flaky" integer NOT NULL,
	"coverage_pct" numeric(5, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_runs_externalId_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "uptime_checks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "uptime_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"environment_id" integer NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"status_code" integer,
	"latency_ms" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "cost_samples" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cost_samples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"day" date NOT NULL,
	"provider" "cost_provider" NOT NULL,
	"metric" text NOT NULL,
	"environment_id" integer,
	"pull_request_id" integer,
	"quantity" numeric(18, 6) NOT NULL,
	"unit" text NOT NULL,
	"amount_usd" numeric(12, 4) NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_samples_natural_uq" UNIQUE NULLS NOT DISTINCT("project_id","day","provider","metric","environment_id")
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approvals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"operation_id" integer NOT NULL,
	"approver_id" integer NOT NULL,
	"decision" "approval_decision" NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "operations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"environment_id" integer,
	"kind" "operation_kind" NOT NULL,
	"state" "operation_state" NOT NULL,
	"idempotency_key" text NOT NULL,
	"actor_id" integer,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operations_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" "sync_status" NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"items_seen" integer DEFAULT 0 NOT NULL,
	"items_changed" integer DEFAULT 0 NOT NULL,
	"api_calls" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cursor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"provider" "webhook_provider" NOT NULL,
	"delivery_id" text NOT NULL,
	"event" text NOT NULL,
	"action" text,
	"status" "delivery_status" DEFAULT 'received' NOT NULL,
	"payload" jsonb,
	"raw_body" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "db_branches" ADD CONSTRAINT "db_branches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_source_deployment_id_deployments_id_fk" FOREIGN KEY ("source_deployment_id") REFERENCES "public"."deployments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_db_branch_id_db_branches_id_fk" FOREIGN KEY ("db_branch_id") REFERENCES "public"."db_branches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_current_deployment_id_deployments_id_fk" FOREIGN KEY ("current_deployment_id") REFERENCES "public"."deployments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pull_requests" ADD CONSTRAINT "pull_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_runs" ADD CONSTRAINT "ci_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_runs" ADD CONSTRAINT "ci_runs_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_cases" ADD CONSTRAINT "test_cases_test_run_id_test_runs_id_fk" FOREIGN KEY ("test_run_id") REFERENCES "public"."test_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_ci_run_id_ci_runs_id_fk" FOREIGN KEY ("ci_run_id") REFERENCES "public"."ci_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uptime_checks" ADD CONSTRAINT "uptime_checks_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_samples" ADD CONSTRAINT "cost_samples_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_samples" ADD CONSTRAINT "cost_samples_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_samples" ADD CONSTRAINT "cost_samples_pull_request_id_pull_requests_id_fk" FOREIGN KEY ("pull_request_id") REFERENCES "public"."pull_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_project_uq" ON "memberships" USING btree ("user_id","project_id");--> statement-breakpoint
CREATE INDEX "memberships_project_idx" ON "memberships" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "db_branches_project_name_idx" ON "db_branches" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "deployments_project_created_idx" ON "deployments" USING btree ("project_id","provider_created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployments_environment_created_idx" ON "deployments" USING btree ("environment_id","provider_created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployments_state_created_idx" ON "deployments" USING btree ("project_id","state","provider_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployments_target_created_idx" ON "deployments" USING btree ("project_id","target","provider_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployments_branch_created_idx" ON "deployments" USING btree ("project_id","git_branch","provider_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployments_author_created_idx" ON "deployments" USING btree ("project_id","commit_author","provider_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deployments_build_duration_idx" ON "deployments" USING btree ("project_id","build_duration_ms" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "deployments"."build_duration_ms" is not null;--> statement-breakpoint
CREATE INDEX "deployments_environment_build_duration_idx" ON "deployments" USING btree ("environment_id","build_duration_ms" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "deployments"."build_duration_ms" is not null;--> statement-breakpoint
CREATE INDEX "deployments_target_build_duration_idx" ON "deployments" USING btree ("project_id","target","build_duration_ms" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "deployments"."build_duration_ms" is not null;--> statement-breakpoint
CREATE INDEX "deployments_commit_idx" ON "deployments" USING btree ("commit_sha");--> statement-breakpoint
CREATE INDEX "deployments_pull_request_idx" ON "deployments" USING btree ("pull_request_id") WHERE "deployments"."pull_request_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "environments_project_slug_uq" ON "environments" USING btree ("project_id","slug");--> statement-breakpoint
CREATE INDEX "environments_project_kind_status_idx" ON "environments" USING btree ("project_id","kind","status");--> statement-breakpoint
CREATE INDEX "environments_pull_request_idx" ON "environments" USING btree ("pull_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pull_requests_project_number_uq" ON "pull_requests" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "pull_requests_project_state_opened_idx" ON "pull_requests" USING btree ("project_id","state","opened_at");--> statement-breakpoint
CREATE INDEX "pull_requests_head_branch_idx" ON "pull_requests" USING btree ("project_id","head_branch");--> statement-breakpoint
CREATE INDEX "ci_runs_project_created_idx" ON "ci_runs" USING btree ("project_id","provider_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ci_runs_head_sha_idx" ON "ci_runs" USING btree ("head_sha");--> statement-breakpoint
CREATE INDEX "test_cases_run_status_idx" ON "test_cases" USING btree ("test_run_id","status");--> statement-breakpoint
CREATE INDEX "test_cases_suite_name_idx" ON "test_cases" USING btree ("suite","name","test_run_id");--> statement-breakpoint
CREATE INDEX "test_cases_flaky_idx" ON "test_cases" USING btree ("suite","name","test_run_id") WHERE "test_cases"."status" = 'flaky';--> statement-breakpoint
CREATE INDEX "test_runs_project_started_idx" ON "test_runs" USING btree ("project_id","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "test_runs_project_suite_started_idx" ON "test_runs" USING btree ("project_id","suite","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "test_runs_project_status_started_idx" ON "test_runs" USING btree ("project_id","status","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "test_runs_branch_started_idx" ON "test_runs" USING btree ("project_id","branch","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "test_runs_commit_idx" ON "test_runs" USING btree ("commit_sha");--> statement-breakpoint
CREATE INDEX "test_runs_environment_started_idx" ON "test_runs" USING btree ("environment_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "test_runs_pull_request_idx" ON "test_runs" USING btree ("pull_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uptime_checks_environment_checked_uq" ON "uptime_checks" USING btree ("environment_id","checked_at");--> statement-breakpoint
CREATE INDEX "uptime_checks_window_idx" ON "uptime_checks" USING btree ("environment_id","checked_at","ok","latency_ms");--> statement-breakpoint
CREATE INDEX "uptime_checks_failures_idx" ON "uptime_checks" USING btree ("environment_id","checked_at") WHERE "uptime_checks"."ok" = false;--> statement-breakpoint
CREATE INDEX "cost_samples_project_day_idx" ON "cost_samples" USING btree ("project_id","day");--> statement-breakpoint
CREATE INDEX "cost_samples_environment_day_idx" ON "cost_samples" USING btree ("environment_id","day");--> statement-breakpoint
CREATE INDEX "cost_samples_pull_request_idx" ON "cost_samples" USING btree ("pull_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approvals_operation_approver_uq" ON "approvals" USING btree ("operation_id","approver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_one_active_per_environment_uq" ON "operations" USING btree ("environment_id") WHERE "operations"."state" in ('requested', 'approved', 'running');--> statement-breakpoint
CREATE INDEX "operations_project_requested_idx" ON "operations" USING btree ("project_id","requested_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "operations_actor_requested_idx" ON "operations" USING btree ("actor_id","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "operations_kind_requested_idx" ON "operations" USING btree ("project_id","kind","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "operations_state_requested_idx" ON "operations" USING btree ("project_id","state","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "operations_environment_requested_idx" ON "operations" USING btree ("environment_id","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sync_runs_kind_started_idx" ON "sync_runs" USING btree ("kind","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_provider_delivery_uq" ON "webhook_deliveries" USING btree ("provider","delivery_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_idx" ON "webhook_deliveries" USING btree ("received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_deliveries_status_next_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");