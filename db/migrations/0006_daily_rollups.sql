CREATE TABLE "ci_rollups" (
	"project_id" integer NOT NULL,
	"workflow_name" text NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"runs" integer NOT NULL,
	"successes" integer NOT NULL,
	"failures" integer NOT NULL,
	"duration_p50_ms" real,
	"duration_p95_ms" real,
	"queue_p50_ms" real,
	"queue_p95_ms" real,
	"max_duration_ms" integer,
	"slowest_run_id" integer,
	CONSTRAINT "ci_rollups_project_id_period_starts_on_workflow_name_pk" PRIMARY KEY("project_id","period","starts_on","workflow_name"),
	CONSTRAINT "ci_rollups_period_check" CHECK ("ci_rollups"."period" in ('day', 'week'))
);
--> statement-breakpoint
CREATE TABLE "deployment_daily" (
	"project_id" integer NOT NULL,
	"environment_id" integer NOT NULL,
	"day" date NOT NULL,
	"deployments" integer NOT NULL,
	"ready" integer NOT NULL,
	"failed" integer NOT NULL,
	"promotions" integer NOT NULL,
	"rollbacks" integer NOT NULL,
	CONSTRAINT "deployment_daily_environment_id_day_pk" PRIMARY KEY("environment_id","day")
);
--> statement-breakpoint
CREATE TABLE "test_daily" (
	"project_id" integer NOT NULL,
	"suite" text NOT NULL,
	"day" date NOT NULL,
	"runs" integer NOT NULL,
	"passed_runs" integer NOT NULL,
	"failed_runs" integer NOT NULL,
	"cases" integer NOT NULL,
	"passed_cases" integer NOT NULL,
	"failed_cases" integer NOT NULL,
	"flaky_cases" integer NOT NULL,
	"skipped_cases" integer NOT NULL,
	"flaky_tests" integer NOT NULL,
	"failed_tests" integer NOT NULL,
	"max_cases" integer NOT NULL,
	"coverage_runs" integer NOT NULL,
	"coverage_sum_pct" numeric(12, 2) NOT NULL,
	CONSTRAINT "test_daily_project_id_day_suite_pk" PRIMARY KEY("project_id","day","suite")
);
--> statement-breakpoint
CREATE TABLE "uptime_daily" (
	"project_id" integer NOT NULL,
	"environment_id" integer NOT NULL,
	"day" date NOT NULL,
	"checks" integer NOT NULL,
	"ok_checks" integer NOT NULL,
	"latency_p50_ms" real,
	"latency_p95_ms" real,
	CONSTRAINT "uptime_daily_environment_id_day_pk" PRIMARY KEY("environment_id","day")
);
--> statement-breakpoint
ALTER TABLE "ci_rollups" ADD CONSTRAINT "ci_rollups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_daily" ADD CONSTRAINT "deployment_daily_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_daily" ADD CONSTRAINT "deployment_daily_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_daily" ADD CONSTRAINT "test_daily_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uptime_daily" ADD CONSTRAINT "uptime_daily_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uptime_daily" ADD CONSTRAINT "uptime_daily_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deployment_daily_project_day_idx" ON "deployment_daily" USING btree ("project_id","day");--> statement-breakpoint
CREATE INDEX "uptime_daily_project_day_idx" ON "uptime_daily" USING btree ("project_id","day");--> statement-breakpoint
-- Each function recomputes one project's rollup for the UTC days p_from..p_to (inclusive) from
-- the raw rows: days that gained rows are upserted, days that lost all rows are removed, so
-- running it twice, or for a day nothing changed, leaves the same rows.
-- Each first takes a lock on (rollup, project) held to the end of the transaction, and only then
-- reads the raw rows (a volatile function's next statement sees a fresh snapshot): two writers
-- refreshing the same project at once run one after the other, the second seeing the first's
-- rows, so neither overwrites the rollup with a count that misses the other's rows.
CREATE OR REPLACE FUNCTION envboard_rollup_uptime(p_project integer, p_from date, p_to date) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('envboard_rollup_uptime'), p_project);
  WITH fresh AS (
    SELECT e.project_id, c.environment_id, (c.checked_at AT TIME ZONE 'UTC')::date AS day,
      count(*)::int AS checks,
      (count(*) FILTER (WHERE c.ok))::int AS ok_checks,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.ok))::real AS p50,
      (percentile_cont(0.95) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.ok))::real AS p95
    FROM environments e
    JOIN uptime_checks c ON c.environment_id = e.id
    WHERE e.project_id = p_project
      AND c.checked_at >= (p_from::timestamp AT TIME ZONE 'UTC')
      AND c.checked_at < ((p_to + 1)::timestamp AT TIME ZONE 'UTC')
    GROUP BY e.project_id, c.environment_id, 3
  ),
  gone AS (
    DELETE FROM uptime_daily u
    WHERE u.project_id = p_project AND u.day BETWEEN p_from AND p_to
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.environment_id = u.environment_id AND f.day = u.day)
  )
  INSERT INTO uptime_daily (project_id, environment_id, day, checks, ok_checks, latency_p50_ms, latency_p95_ms)
  SELECT project_id, environment_id, day, checks, ok_checks, p50, p95 FROM fresh
  ON CONFLICT (environment_id, day) DO UPDATE SET
    checks = excluded.checks, ok_checks = excluded.ok_checks,
    latency_p50_ms = excluded.latency_p50_ms, latency_p95_ms = excluded.latency_p95_ms;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION envboard_rollup_deployments(p_project integer, p_from date, p_to date) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('envboard_rollup_deployments'), p_project);
  WITH fresh AS (
    SELECT d.environment_id, (d.provider_created_at AT TIME ZONE 'UTC')::date AS day,
      count(*)::int AS deployments,
      (count(*) FILTER (WHERE d.state = 'ready'))::int AS ready,
      (count(*) FILTER (WHERE d.state = 'error'))::int AS failed,
      (count(*) FILTER (WHERE d.source = 'promote'))::int AS promotions,
      (count(*) FILTER (WHERE d.source = 'rollback'))::int AS rollbacks
    FROM deployments d
    WHERE d.project_id = p_project
      AND d.provider_created_at >= (p_from::timestamp AT TIME ZONE 'UTC')
      AND d.provider_created_at < ((p_to + 1)::timestamp AT TIME ZONE 'UTC')
    GROUP BY 1, 2
  ),
  gone AS (
    DELETE FROM deployment_daily u
    WHERE u.project_id = p_project AND u.day BETWEEN p_from AND p_to
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.environment_id = u.environment_id AND f.day = u.day)
  )
  INSERT INTO deployment_daily (project_id, environment_id, day, deployments, ready, failed, promotions, rollbacks)
  SELECT p_project, environment_id, day, deployments, ready, failed, promotions, rollbacks FROM fresh
  ON CONFLICT (environment_id, day) DO UPDATE SET
    deployments = excluded.deployments, ready = excluded.ready, failed = excluded.failed,
    promotions = excluded.promotions, rollbacks = excluded.rollbacks;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION envboard_rollup_tests(p_project integer, p_from date, p_to date) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('envboard_rollup_tests'), p_project);
  WITH runs AS (
    SELECT t.id, t.suite::text AS suite, (t.started_at AT TIME ZONE 'UTC')::date AS day, t.status,
      t.total, t.passed, t.failed, t.flaky, t.skipped, t.coverage_pct
    FROM test_runs t
    WHERE t.project_id = p_project
      AND t.started_at >= (p_from::timestamp AT TIME ZONE 'UTC')
      AND t.started_at < ((p_to + 1)::timestamp AT TIME ZONE 'UTC')
  ),
  by_day AS (
    SELECT suite, day, count(*)::int AS runs,
      (count(*) FILTER (WHERE status = 'passed'))::int AS passed_runs,
      (count(*) FILTER (WHERE status = 'failed'))::int AS failed_runs,
      sum(total)::int AS cases, sum(passed)::int AS passed_cases, sum(failed)::int AS failed_cases,
      sum(flaky)::int AS flaky_cases, sum(skipped)::int AS skipped_cases, max(total)::int AS max_cases,
      count(coverage_pct)::int AS coverage_runs, coalesce(sum(coverage_pct), 0) AS coverage_sum_pct
    FROM runs GROUP BY suite, day
  ),
  troubled AS (
    SELECT r.suite, r.day,
      (count(DISTINCT (c.file, c.name)) FILTER (WHERE c.status = 'flaky'))::int AS flaky_tests,
      (count(DISTINCT (c.file, c.name)) FILTER (WHERE c.status = 'failed'))::int AS failed_tests
    FROM runs r
    JOIN test_cases c ON c.test_run_id = r.id AND c.status IN ('flaky', 'failed')
    GROUP BY r.suite, r.day
  ),
  fresh AS (
    SELECT b.*, coalesce(t.flaky_tests, 0) AS flaky_tests, coalesce(t.failed_tests, 0) AS failed_tests
    FROM by_day b LEFT JOIN troubled t ON t.suite = b.suite AND t.day = b.day
  ),
  gone AS (
    DELETE FROM test_daily u
    WHERE u.project_id = p_project AND u.day BETWEEN p_from AND p_to
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.suite = u.suite AND f.day = u.day)
  )
  INSERT INTO test_daily (project_id, suite, day, runs, passed_runs, failed_runs, cases, passed_cases,
    failed_cases, flaky_cases, skipped_cases, flaky_tests, failed_tests, max_cases, coverage_runs, coverage_sum_pct)
  SELECT p_project, suite, day, runs, passed_runs, failed_runs, cases, passed_cases, failed_cases,
    flaky_cases, skipped_cases, flaky_tests, failed_tests, max_cases, coverage_runs, coverage_sum_pct
  FROM fresh
  ON CONFLICT (project_id, day, suite) DO UPDATE SET
    runs = excluded.runs, passed_runs = excluded.passed_runs, failed_runs = excluded.failed_runs,
    cases = excluded.cases, passed_cases = excluded.passed_cases, failed_cases = excluded.failed_cases,
    flaky_cases = excluded.flaky_cases, skipped_cases = excluded.skipped_cases,
    flaky_tests = excluded.flaky_tests, failed_tests = excluded.failed_tests,
    max_cases = excluded.max_cases, coverage_runs = excluded.coverage_runs,
    coverage_sum_pct = excluded.coverage_sum_pct;
$$;
--> statement-breakpoint
-- CI keeps a row per day and per ISO week (weeks start on Monday): percentiles of a week cannot be
-- computed from its days' percentiles.
CREATE OR REPLACE FUNCTION envboard_rollup_ci(p_project integer, p_from date, p_to date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  grain text;
  lo date;
  hi date;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('envboard_rollup_ci'), p_project);
  FOREACH grain IN ARRAY ARRAY['day', 'week'] LOOP
    lo := date_trunc(grain, p_from::timestamp)::date;
    hi := (date_trunc(grain, p_to::timestamp) + ('1 ' || grain)::interval)::date;
    WITH fresh AS (
      SELECT r.workflow_name, date_trunc(grain, r.provider_created_at AT TIME ZONE 'UTC')::date AS starts_on,
        count(*)::int AS runs,
        (count(*) FILTER (WHERE r.conclusion = 'success'))::int AS successes,
        (count(*) FILTER (WHERE r.conclusion IN ('failure', 'timed_out')))::int AS failures,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY r.duration_ms))::real AS duration_p50,
        (percentile_cont(0.95) WITHIN GROUP (ORDER BY r.duration_ms))::real AS duration_p95,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY r.queue_ms))::real AS queue_p50,
        (percentile_cont(0.95) WITHIN GROUP (ORDER BY r.queue_ms))::real AS queue_p95,
        max(r.duration_ms) AS max_duration_ms,
        (array_agg(r.id ORDER BY r.duration_ms DESC NULLS LAST, r.id))[1] AS slowest_run_id
      FROM ci_runs r
      WHERE r.project_id = p_project AND r.status = 'completed'
        AND r.provider_created_at >= (lo::timestamp AT TIME ZONE 'UTC')
        AND r.provider_created_at < (hi::timestamp AT TIME ZONE 'UTC')
      GROUP BY 1, 2
    ),
    gone AS (
      DELETE FROM ci_rollups u
      WHERE u.project_id = p_project AND u.period = grain AND u.starts_on >= lo AND u.starts_on < hi
        AND NOT EXISTS (
          SELECT 1 FROM fresh f WHERE f.workflow_name = u.workflow_name AND f.starts_on = u.starts_on
        )
    )
    INSERT INTO ci_rollups (project_id, workflow_name, period, starts_on, runs, successes, failures,
      duration_p50_ms, duration_p95_ms, queue_p50_ms, queue_p95_ms, max_duration_ms, slowest_run_id)
    SELECT p_project, f.workflow_name, grain, f.starts_on, f.runs, f.successes, f.failures,
      f.duration_p50, f.duration_p95, f.queue_p50, f.queue_p95, f.max_duration_ms, f.slowest_run_id
    FROM fresh f
    ON CONFLICT (project_id, period, starts_on, workflow_name) DO UPDATE SET
      runs = excluded.runs, successes = excluded.successes, failures = excluded.failures,
      duration_p50_ms = excluded.duration_p50_ms, duration_p95_ms = excluded.duration_p95_ms,
      queue_p50_ms = excluded.queue_p50_ms, queue_p95_ms = excluded.queue_p95_ms,
      max_duration_ms = excluded.max_duration_ms, slowest_run_id = excluded.slowest_run_id;
  END LOOP;
END
$$;
--> statement-breakpoint
-- Backfill: every project's whole history, except today's uptime: today is still filling, so
-- readers aggregate it live and the first check written tomorrow closes it.
SELECT envboard_rollup_uptime(id, '1970-01-01', (now() AT TIME ZONE 'UTC')::date - 1),
  envboard_rollup_deployments(id, '1970-01-01', '2999-12-31'),
  envboard_rollup_tests(id, '1970-01-01', '2999-12-31'),
  envboard_rollup_ci(id, '1970-01-01', '2999-12-31')
FROM projects;
