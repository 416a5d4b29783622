import { sql } from 'drizzle-orm';
import { isoDay as utcDay } from '@/lib/domain/chart-range';
import type { Database } from '../client';

/**
 * The daily rollups (db/schema/rollups.ts). Each is recomputed from its raw rows by a SQL
 * function defined in migration 0006, for one project and a span of UTC days; recomputing a
 * day twice leaves the same rows, so a write path may refresh any day it touched.
 */
export const ROLLUPS = ['uptime', 'deployments', 'tests', 'ci'] as const;
export type Rollup = (typeof ROLLUPS)[number];

const FUNCTION: Record<Rollup, string> = {
  uptime: 'envboard_rollup_uptime',
  deployments: 'envboard_rollup_deployments',
  tests: 'envboard_rollup_tests',
  ci: 'envboard_rollup_ci',
};

/** `YYYY-MM-DD` of an instant, in UTC: the day a raw row counts towards (the charts' isoDay). */
export { isoDay as utcDay } from '@/lib/domain/chart-range';

export interface DaySpan {
  /** First and last UTC day, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

/** The smallest span holding every instant; null when there is none. */
export function spanOf(instants: readonly Date[]): DaySpan | null {
  if (instants.length === 0) return null;
  let min = instants[0]!.getTime();
  let max = min;
  for (const at of instants) {
    const ms = at.getTime();
    if (ms < min) min = ms;
    if (ms > max) max = ms;
  }
  return { from: utcDay(new Date(min)), to: utcDay(new Date(max)) };
}

export async function refreshRollup(
  db: Database,
  rollup: Rollup,
  projectId: number,
  { from, to }: DaySpan,
): Promise<void> {
  await db.execute(
    sql`select ${sql.raw(FUNCTION[rollup])}(${projectId}::int, ${from}::date, ${to}::date)`,
  );
}

/**
 * Every rollup of one project over all its days, as the migration's backfill does: uptime up to
 * yesterday only, since today is read live and closed by tomorrow's first check.
 */
export async function refreshAllRollups(
  db: Database,
  projectId: number,
  now = new Date(),
): Promise<void> {
  const yesterday = utcDay(new Date(now.getTime() - 86_400_000));
  for (const rollup of ROLLUPS) {
    const to = rollup === 'uptime' ? yesterday : '2999-12-31';
    await refreshRollup(db, rollup, projectId, { from: '1970-01-01', to });
  }
}
