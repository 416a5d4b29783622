import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
} from 'drizzle-orm/pg-core';
import { environments } from './environments';
import { projects } from './projects';

/*
 * Daily summaries that serve every chart and trend, so a page reads O(days × series) rows
 * whatever the length of the history. Each is recomputed from its raw rows by a SQL function
 * (migration 0006, `db/rollups/`) for the days a write touched: recomputing a day twice gives
 * the same row. Days are UTC days. Costs need no table of their own: cost samples are already
 * one row per day, provider, metric and environment.
 */

/** Checks of one environment on one day; latency percentiles over the successful checks. */
export const uptimeDaily = pgTable(
  'uptime_daily',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    environmentId: integer()
      .notNull()
      .references(() => environments.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    checks: integer().notNull(),
    okChecks: integer().notNull(),
    latencyP50Ms: real('latency_p50_ms'),
    latencyP95Ms: real('latency_p95_ms'),
  },
  (t) => [
    primaryKey({ columns: [t.environmentId, t.day] }),
    index('uptime_daily_project_day_idx').on(t.projectId, t.day),
  ],
);
export type UptimeDaily = typeof uptimeDaily.$inferSelect;

/**
 * Completed CI runs of one workflow per day and per ISO week (Monday): percentiles do not add
 * up, so a week has its own row rather than being summed from days.
 */
export const ciRollups = pgTable(
  'ci_rollups',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    workflowName: text().notNull(),
    period: text({ enum: ['day', 'week'] }).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    runs: integer().notNull(),
    successes: integer().notNull(),
    failures: integer().notNull(),
    durationP50Ms: real('duration_p50_ms'),
    durationP95Ms: real('duration_p95_ms'),
    queueP50Ms: real('queue_p50_ms'),
    queueP95Ms: real('queue_p95_ms'),
    maxDurationMs: integer(),
    /** The `ci_runs` row of the period's slowest run. */
    slowestRunId: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.period, t.startsOn, t.workflowName] }),
    check('ci_rollups_period_check', sql`${t.period} in ('day', 'week')`),
  ],
);
export type CiRollup = typeof ciRollups.$inferSelect;

/** Test reports of one suite on one day. Coverage is kept as a sum so any span averages exactly. */
export const testDaily = pgTable(
  'test_daily',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    suite: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    runs: integer().notNull(),
    passedRuns: integer().notNull(),
    failedRuns: integer().notNull(),
    cases: integer().notNull(),
    passedCases: integer().notNull(),
    failedCases: integer().notNull(),
    flakyCases: integer().notNull(),
    skippedCases: integer().notNull(),
    /** Distinct tests (file + name) that were flaky, or failed, in any of the day's runs. */
    flakyTests: integer().notNull(),
    failedTests: integer().notNull(),
    /** The largest report of the day: how many tests the suite holds. */
    maxCases: integer().notNull(),
    coverageRuns: integer().notNull(),
    coverageSumPct: numeric({ precision: 12, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.day, t.suite] })],
);
export type TestDaily = typeof testDaily.$inferSelect;

/** Deployments created for one environment on one day, by how they ended and came to be. */
export const deploymentDaily = pgTable(
  'deployment_daily',
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    environmentId: integer()
      .notNull()
      .references(() => environments.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    deployments: integer().notNull(),
    ready: integer().notNull(),
    failed: integer().notNull(),
    promotions: integer().notNull(),
    rollbacks: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.environmentId, t.day] }),
    index('deployment_daily_project_day_idx').on(t.projectId, t.day),
  ],
);
export type DeploymentDaily = typeof deploymentDaily.$inferSelect;
