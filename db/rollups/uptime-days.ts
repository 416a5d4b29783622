import 'server-only';
import { sql } from 'drizzle-orm';
import type { UptimeDay } from '@/lib/domain/uptime-series';
import type { Database } from '../client';
import { numberOrNull, rowsOf } from '../queries/rows';
import { utcDay } from './refresh';
import { addDays } from './touched';

export type { UptimeDay };

export interface UptimeDaysOptions {
  now: Date;
  /** How many days, today included: 7 reads today and the six days before it. */
  days: number;
  /** One environment; all of the project's when absent. */
  environmentId?: number;
}

interface Row {
  environment_id: number;
  day: string;
  checks: number;
  ok_checks: number;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
}

/**
 * The uptime of a project's environments by UTC day over the last `days` days, ordered by
 * environment then day. Closed days come from `uptime_daily`; the days after the last closed one
 * (today, which is never stored, and any day a pause in checks left open) are aggregated live
 * from their raw checks. The first check written on a day closes the day before, so that is
 * today's checks alone and the cost is O(days × environments) rollup rows plus one day of
 * checks whatever the length of the history. Days without checks are absent.
 */
export async function getUptimeDays(
  db: Database,
  projectId: number,
  { now, days, environmentId }: UptimeDaysOptions,
): Promise<UptimeDay[]> {
  const today = utcDay(now);
  const from = addDays(today, 1 - Math.max(1, days));
  const tomorrow = addDays(today, 1);
  const closedEnvironment =
    environmentId === undefined ? sql`` : sql`and u.environment_id = ${environmentId}::int`;
  const liveEnvironment =
    environmentId === undefined ? sql`` : sql`and c.environment_id = ${environmentId}::int`;
  const result = await db.execute(sql`
    with last_closed as (
      select max(day) as day from uptime_daily
      where project_id = ${projectId}::int and day < ${today}::date
    ),
    live_from as (
      select greatest(${from}::date, coalesce(day + 1, ${from}::date)) as day from last_closed
    )
    select u.environment_id, to_char(u.day, 'YYYY-MM-DD') as day, u.checks, u.ok_checks,
      u.latency_p50_ms, u.latency_p95_ms
    from uptime_daily u, last_closed l
    where u.project_id = ${projectId}::int and u.day >= ${from}::date and u.day <= l.day
      ${closedEnvironment}
    union all
    select c.environment_id, to_char((c.checked_at at time zone 'UTC')::date, 'YYYY-MM-DD'),
      count(*)::int, (count(*) filter (where c.ok))::int,
      (percentile_cont(0.5) within group (order by c.latency_ms) filter (where c.ok))::real,
      (percentile_cont(0.95) within group (order by c.latency_ms) filter (where c.ok))::real
    from live_from f, environments e
    join uptime_checks c on c.environment_id = e.id
    where e.project_id = ${projectId}::int
      and c.checked_at >= (f.day::timestamp at time zone 'UTC')
      and c.checked_at < (${tomorrow}::date::timestamp at time zone 'UTC')
      ${liveEnvironment}
    group by 1, 2
    order by 1, 2`);
  return rowsOf<Row>(result).map((row) => ({
    environmentId: Number(row.environment_id),
    day: row.day,
    checks: Number(row.checks),
    okChecks: Number(row.ok_checks),
    latencyP50Ms: numberOrNull(row.latency_p50_ms),
    latencyP95Ms: numberOrNull(row.latency_p95_ms),
  }));
}
