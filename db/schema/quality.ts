import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps, tz } from './columns';
import { deployments, environments, pullRequests } from './environments';
import { ciConclusion, ciRunStatus, testCaseStatus, testRunStatus, testSuite } from './enums';
import { projects } from './projects';

export const ciRuns = pgTable(
  'ci_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    githubRunId: bigint({ mode: 'number' }).notNull().unique(),
    pullRequestId: integer().references(() => pullRequests.id, { onDelete: 'set null' }),
    workflowName: text().notNull(),
    event: text().notNull(),
    headBranch: text().notNull(),
    headSha: text().notNull(),
    status: ciRunStatus().notNull(),
    conclusion: ciConclusion(),
    runAttempt: integer().notNull().default(1),
    htmlUrl: text(),
    providerCreatedAt: tz().notNull(),
    startedAt: tz(),
    completedAt: tz(),
    queueMs: integer(),
    durationMs: integer(),
    /**
     * When the sync looked at the finished run's test-results artifact (whether or not it held
     * any); null until then, however the run was stored (a webhook or the sync).
     */
    reportsReadAt: tz(),
    /** Why the run's test-results artifact was not read (a fork's run, a zip bomb…); null when it was. */
    reportError: text(),
    providerUpdatedAt: tz().notNull(),
    ...timestamps,
  },
  (t) => [
    index('ci_runs_project_created_idx').on(t.projectId, t.providerCreatedAt.desc()),
    index('ci_runs_head_sha_idx').on(t.headSha),
  ],
);
export type CiRun = typeof ciRuns.$inferSelect;
export type NewCiRun = typeof ciRuns.$inferInsert;

export const testRuns = pgTable(
  'test_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    ciRunId: integer().references(() => ciRuns.id, { onDelete: 'set null' }),
    environmentId: integer().references(() => environments.id, { onDelete: 'set null' }),
    deploymentId: integer().references(() => deployments.id, { onDelete: 'set null' }),
    pullRequestId: integer().references(() => pullRequests.id, { onDelete: 'set null' }),
    /** Where the report came from, unique so a re-upload of the same report is a no-op. */
    externalId: text().notNull().unique(),
    suite: testSuite().notNull(),
    status: testRunStatus().notNull(),
    commitSha: text().notNull(),
    branch: text().notNull(),
    startedAt: tz().notNull(),
    durationMs: integer().notNull(),
    total: integer().notNull(),
    passed: integer().notNull(),
    failed: integer().notNull(),
    skipped: integer().notNull(),
    flaky: integer().notNull(),
    coveragePct: numeric({ precision: 5, scale: 2, mode: 'number' }),
    ...timestamps,
  },
  (t) => [
    index('test_runs_project_started_idx').on(t.projectId, t.startedAt.desc(), t.id.desc()),
    index('test_runs_project_suite_started_idx').on(t.projectId, t.suite, t.startedAt.desc()),
    index('test_runs_project_status_started_idx').on(t.projectId, t.status, t.startedAt.desc()),
    index('test_runs_branch_started_idx').on(t.projectId, t.branch, t.startedAt.desc()),
    index('test_runs_commit_idx').on(t.commitSha),
    index('test_runs_environment_started_idx').on(t.environmentId, t.startedAt.desc()),
    index('test_runs_pull_request_idx').on(t.pullRequestId),
  ],
);
export type TestRun = typeof testRuns.$inferSelect;
export type NewTestRun = typeof testRuns.$inferInsert;

export const testCases = pgTable(
  'test_cases',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    testRunId: integer()
      .notNull()
      .references(() => testRuns.id, { onDelete: 'cascade' }),
    suite: testSuite().notNull(),
    file: text().notNull(),
    name: text().notNull(),
    status: testCaseStatus().notNull(),
    durationMs: integer().notNull(),
    retries: integer().notNull().default(0),
    failureMessage: text(),
  },
  (t) => [
    index('test_cases_run_status_idx').on(t.testRunId, t.status),
    // With the run id, counting a test's runs in a window reads the index alone.
    index('test_cases_suite_name_idx').on(t.suite, t.name, t.testRunId),
    // The flaky ranking starts from the few flaky rows, never from the whole table.
    index('test_cases_flaky_idx')
      .on(t.suite, t.name, t.testRunId)
      .where(sql`${t.status} = 'flaky'`),
  ],
);
export type TestCase = typeof testCases.$inferSelect;
export type NewTestCase = typeof testCases.$inferInsert;

export const uptimeChecks = pgTable(
  'uptime_checks',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    environmentId: integer()
      .notNull()
      .references(() => environments.id, { onDelete: 'cascade' }),
    checkedAt: tz().notNull(),
    ok: boolean().notNull(),
    statusCode: integer(),
    latencyMs: integer(),
    error: text(),
  },
  (t) => [
    uniqueIndex('uptime_checks_environment_checked_uq').on(t.environmentId, t.checkedAt),
    // Covers the uptime page's 30-day pass (counts and latency percentiles) so it reads the
    // index alone, not one heap page per check.
    index('uptime_checks_window_idx').on(t.environmentId, t.checkedAt, t.ok, t.latencyMs),
    index('uptime_checks_failures_idx')
      .on(t.environmentId, t.checkedAt)
      .where(sql`${t.ok} = false`),
  ],
);
export type UptimeCheck = typeof uptimeChecks.$inferSelect;
export type NewUptimeCheck = typeof uptimeChecks.$inferInsert;
