import type { Database } from '../../db/client';
import { ciRollups, deploymentDaily, testDaily, uptimeDaily } from '../../db/schema';
import type { RollupRows, RollupTables } from './rollup-oracle';

/** The rollup tables as stored, keyed and shaped as the oracle's (tests/support/rollup-oracle). */
export async function storedRollups(db: Database): Promise<RollupTables> {
  const keyed = <Row>(rows: Row[], key: (row: Row) => string, values: (row: Row) => object) =>
    new Map(rows.map((row) => [key(row), values(row)])) as RollupRows;
  return {
    uptime: keyed(
      await db.select().from(uptimeDaily),
      (r) => `${r.environmentId}|${r.day}`,
      ({ environmentId: _e, day: _d, ...values }) => values,
    ),
    deployments: keyed(
      await db.select().from(deploymentDaily),
      (r) => `${r.environmentId}|${r.day}`,
      ({ environmentId: _e, day: _d, ...values }) => values,
    ),
    tests: keyed(
      await db.select().from(testDaily),
      (r) => `${r.projectId}|${r.day}|${r.suite}`,
      ({ projectId: _p, day: _d, suite: _s, ...values }) => values,
    ),
    ci: keyed(
      await db.select().from(ciRollups),
      (r) => `${r.projectId}|${r.period}|${r.startsOn}|${r.workflowName}`,
      ({ projectId: _p, period: _q, startsOn: _s, workflowName: _w, ...values }) => values,
    ),
  };
}

/**
 * `real` columns hold about seven significant digits: a stored percentile matches the oracle's
 * double within a relative 1e-6. Coverage sums are numeric(12, 2), exact to the cent.
 */
const TOLERANCE: Record<string, (expected: number) => number> = {
  latencyP50Ms: (v) => 1e-6 * Math.max(1, Math.abs(v)),
  latencyP95Ms: (v) => 1e-6 * Math.max(1, Math.abs(v)),
  durationP50Ms: (v) => 1e-6 * Math.max(1, Math.abs(v)),
  durationP95Ms: (v) => 1e-6 * Math.max(1, Math.abs(v)),
  queueP50Ms: (v) => 1e-6 * Math.max(1, Math.abs(v)),
  queueP95Ms: (v) => 1e-6 * Math.max(1, Math.abs(v)),
  coverageSumPct: () => 0.005,
};

function sameValue(field: string, expected: number | null, stored: unknown): boolean {
  if (expected === null || stored === null || stored === undefined) return expected === stored;
  const tolerance = TOLERANCE[field]?.(expected) ?? 0;
  return Math.abs(Number(stored) - expected) <= tolerance;
}

/** Every way the stored tables differ from the oracle, one line each; empty when they agree. */
export function rollupDifferences(expected: RollupTables, stored: RollupTables): string[] {
  const differences: string[] = [];
  for (const table of ['uptime', 'deployments', 'tests', 'ci'] as const) {
    const want = expected[table];
    const have = stored[table];
    for (const [key, row] of want) {
      const got = have.get(key);
      if (!got) {
        differences.push(`${table} ${key}: missing, expected ${JSON.stringify(row)}`);
        continue;
      }
      for (const [field, value] of Object.entries(row)) {
        if (!sameValue(field, value, got[field])) {
          differences.push(`${table} ${key} ${field}: stored ${got[field]}, expected ${value}`);
        }
      }
    }
    for (const key of have.keys()) {
      if (!want.has(key))
        differences.push(`${table} ${key}: stored, but no raw row is on that day`);
    }
  }
  return differences;
}

/** Row count of each rollup table: proves a comparison was not of empty tables. */
export const rollupSizes = (tables: RollupTables) => ({
  uptime: tables.uptime.size,
  deployments: tables.deployments.size,
  tests: tables.tests.size,
  ci: tables.ci.size,
});

/** The rows of some projects only: uptime and deployment rows carry it, the others key by it. */
export function ofProjects(tables: RollupTables, projectIds: readonly number[]): RollupTables {
  const wanted = new Set(projectIds.map(String));
  const byValue = (rows: RollupRows) =>
    new Map([...rows].filter(([, row]) => wanted.has(String(row.projectId))));
  const byKey = (rows: RollupRows) =>
    new Map([...rows].filter(([key]) => wanted.has(key.split('|')[0]!)));
  return {
    uptime: byValue(tables.uptime),
    deployments: byValue(tables.deployments),
    tests: byKey(tables.tests),
    ci: byKey(tables.ci),
  };
}
