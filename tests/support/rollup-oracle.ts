import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  ciRuns,
  deployments,
  environments,
  testCases,
  testRuns,
  uptimeChecks,
} from '../../db/schema';

/**
 * What each rollup table should hold, computed in TypeScript from the raw rows read back: the
 * independent answer the SQL functions of migration 0006 are checked against. Rows are keyed by
 * their table's primary key; values are plain numbers (null where SQL gives null).
 */
export type RollupRows = Map<string, Record<string, number | null>>;

export interface RollupTables {
  uptime: RollupRows;
  deployments: RollupRows;
  tests: RollupRows;
  ci: RollupRows;
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** The Monday starting the ISO week of a UTC day. */
function isoWeekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return utcDay(new Date(date.getTime() - sinceMonday * 86_400_000));
}

/** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k) ?? [];
    group.push(row);
    groups.set(k, group);
  }
  return groups;
}

const countWhere = <Row>(rows: readonly Row[], test: (row: Row) => boolean) =>
  rows.filter(test).length;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const present = (values: readonly (number | null)[]) =>
  values.filter((v): v is number => v !== null);

/**
 * The oracle of every rollup. `uptimeBefore`: the first day uptime_daily does not hold (today,
 * which readers aggregate live); absent, every day.
 */
export async function expectedRollups(
  db: Database,
  { uptimeBefore }: { uptimeBefore?: string } = {},
): Promise<RollupTables> {
  return {
    uptime: await expectedUptime(db, uptimeBefore),
    deployments: await expectedDeployments(db),
    tests: await expectedTests(db),
    ci: await expectedCi(db),
  };
}

/** Uptime rows of every stored check, or of the days before `before`. */
export async function expectedUptime(db: Database, before?: string): Promise<RollupRows> {
  const checks = await db
    .select({
      projectId: environments.projectId,
      environmentId: uptimeChecks.environmentId,
      checkedAt: uptimeChecks.checkedAt,
      ok: uptimeChecks.ok,
      latencyMs: uptimeChecks.latencyMs,
    })
    .from(uptimeChecks)
    .innerJoin(environments, eq(environments.id, uptimeChecks.environmentId));
  const kept = checks.filter((check) => !before || utcDay(check.checkedAt) < before);
  return uptimeRows(kept);
}

/** Uptime rows of the given checks, keyed `environment|day`. */
export function uptimeRows(
  checks: readonly {
    projectId: number;
    environmentId: number;
    checkedAt: Date;
    ok: boolean;
    latencyMs: number | null;
  }[],
): RollupRows {
  const rows: RollupRows = new Map();
  const groups = groupBy(checks, (c) => `${c.environmentId}|${utcDay(c.checkedAt)}`);
  for (const [key, group] of groups) {
    const latencies = present(group.filter((c) => c.ok).map((c) => c.latencyMs));
    rows.set(key, {
      projectId: group[0]!.projectId,
      checks: group.length,
      okChecks: countWhere(group, (c) => c.ok),
      latencyP50Ms: percentileCont(latencies, 0.5),
      latencyP95Ms: percentileCont(latencies, 0.95),
    });
  }
  return rows;
}

async function expectedDeployments(db: Database): Promise<RollupRows> {
  const all = await db.select().from(deployments);
  const rows: RollupRows = new Map();
  const groups = groupBy(all, (d) => `${d.environmentId}|${utcDay(d.providerCreatedAt)}`);
  for (const [key, group] of groups) {
    rows.set(key, {
      projectId: group[0]!.projectId,
      deployments: group.length,
      ready: countWhere(group, (d) => d.state === 'ready'),
      failed: countWhere(group, (d) => d.state === 'error'),
      promotions: countWhere(group, (d) => d.source === 'promote'),
      rollbacks: countWhere(group, (d) => d.source === 'rollback'),
    });
  }
  return rows;
}

async function expectedTests(db: Database): Promise<RollupRows> {
  const runs = await db.select().from(testRuns);
  // Only the flaky and failed cases matter: the counts come from the runs' own totals.
  const troubled = await db
    .select({
      testRunId: testCases.testRunId,
      file: testCases.file,
      name: testCases.name,
      status: testCases.status,
    })
    .from(testCases)
    .where(inArray(testCases.status, ['flaky', 'failed']));
  const casesOf = groupBy(troubled, (c) => String(c.testRunId));
  const rows: RollupRows = new Map();
  const groups = groupBy(runs, (r) => `${r.projectId}|${utcDay(r.startedAt)}|${r.suite}`);
  for (const [key, group] of groups) {
    const cases = group.flatMap((run) => casesOf.get(String(run.id)) ?? []);
    const distinctTests = (status: string) =>
      new Set(cases.filter((c) => c.status === status).map((c) => `${c.file}\u0000${c.name}`)).size;
    const coverage = present(group.map((r) => r.coveragePct));
    rows.set(key, {
      runs: group.length,
      passedRuns: countWhere(group, (r) => r.status === 'passed'),
      failedRuns: countWhere(group, (r) => r.status === 'failed'),
      cases: sum(group.map((r) => r.total)),
      passedCases: sum(group.map((r) => r.passed)),
      failedCases: sum(group.map((r) => r.failed)),
      flakyCases: sum(group.map((r) => r.flaky)),
      skippedCases: sum(group.map((r) => r.skipped)),
      flakyTests: distinctTests('flaky'),
      failedTests: distinctTests('failed'),
      maxCases: Math.max(...group.map((r) => r.total)),
      coverageRuns: coverage.length,
      coverageSumPct: sum(coverage),
    });
  }
  return rows;
}

async function expectedCi(db: Database): Promise<RollupRows> {
  const completed = await db
    .select()
    .from(ciRuns)
    .where(and(eq(ciRuns.status, 'completed')));
  const rows: RollupRows = new Map();
  for (const period of ['day', 'week'] as const) {
    const startOf = (at: Date) => (period === 'day' ? utcDay(at) : isoWeekStart(utcDay(at)));
    const groups = groupBy(
      completed,
      (r) => `${r.projectId}|${period}|${startOf(r.providerCreatedAt)}|${r.workflowName}`,
    );
    for (const [key, group] of groups) {
      const durations = present(group.map((r) => r.durationMs));
      const queues = present(group.map((r) => r.queueMs));
      const slowest = [...group].sort(
        (a, b) => (b.durationMs ?? -Infinity) - (a.durationMs ?? -Infinity) || a.id - b.id,
      )[0]!;
      rows.set(key, {
        runs: group.length,
        successes: countWhere(group, (r) => r.conclusion === 'success'),
        failures: countWhere(
          group,
          (r) => r.conclusion === 'failure' || r.conclusion === 'timed_out',
        ),
        durationP50Ms: percentileCont(durations, 0.5),
        durationP95Ms: percentileCont(durations, 0.95),
        queueP50Ms: percentileCont(queues, 0.5),
        queueP95Ms: percentileCont(queues, 0.95),
        maxDurationMs: durations.length ? Math.max(...durations) : null,
        slowestRunId: slowest.id,
      });
    }
  }
  return rows;
}
