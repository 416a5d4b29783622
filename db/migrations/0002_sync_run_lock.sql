-- data migration (it must run before the index below: runs a crash left 'running' would break it)
UPDATE "sync_runs" SET "status" = 'failed', "finished_at" = now(), "errors" = "errors" || '["closed: left running by a run that never finished"]'::jsonb WHERE "status" = 'running' AND "id" NOT IN (SELECT DISTINCT ON ("kind") "id" FROM "sync_runs" WHERE "status" = 'running' ORDER BY "kind", "started_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_running_per_kind_uq" ON "sync_runs" USING btree ("kind") WHERE "sync_runs"."status" = 'running';
