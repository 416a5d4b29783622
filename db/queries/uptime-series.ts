import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import {
  BURN_WINDOW_MS,
  BURN_WINDOWS,
  type BurnWindow,
  type WindowChecks,
} from '@/lib/domain/burn-rate';
import type { UptimeEnvironment } from '@/lib/domain/uptime-metrics';
import type { LatencyPoint } from '@/lib/domain/uptime-series';
import type { Database } from '../client';
import { environments } from '../schema';
import { numberOrNull, rowsOf, timestampParam } from './rows';

const HOUR_MS = 3_600_000;

/** An active environment by its slug (served by the unique (project_id, slug) index). */
export async function getUptimeEnvironment(
  db: Database,
  projectId: number,
  slug: string,
): Promise<UptimeEnvironment | undefined> {
  const [row] = await db
    .select({
      id: environments.id,
      slug: environments.slug,
      name: environments.name,
      kind: environments.kind,
    })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.slug, slug),
        eq(environments.status, 'active'),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Checks in each burn-rate window ending now. Every window is at most 3 days long, so this reads
 * one environment's last 3 days of checks and no more, from `uptime_checks_window_idx` alone.
 * Checks come every few minutes, so a 5-minute window often holds none: each window also holds
 * the latest check, and so reads what the environment answered last.
 */
export async function getBurnWindowChecks(
  db: Database,
  environmentId: number,
  now: Date,
): Promise<Record<BurnWindow, WindowChecks>> {
  const since = (window: BurnWindow) =>
    timestampParam(new Date(now.getTime() - BURN_WINDOW_MS[window]));
  const inWindow = (window: BurnWindow) =>
    sql`(c.checked_at > ${since(window)} or c.checked_at = l.at)`;
  const columns = BURN_WINDOWS.map(
    (window) => sql`
      (count(*) filter (where ${inWindow(window)}))::int as ${sql.identifier(`total_${window}`)},
      (count(*) filter (where c.ok and ${inWindow(window)}))::int as ${sql.identifier(`ok_${window}`)}`,
  );
  const result = await db.execute(sql`
    with l as (
      select max(checked_at) as at from uptime_checks
      where environment_id = ${environmentId}::int
        and checked_at > ${since('3d')} and checked_at <= ${timestampParam(now)}
    )
    select ${sql.join(columns, sql`,`)}
    from uptime_checks c cross join l
    where c.environment_id = ${environmentId}::int
      and c.checked_at > ${since('3d')} and c.checked_at <= ${timestampParam(now)}`);
  const [row] = rowsOf<Record<string, number>>(result);
  return Object.fromEntries(
    BURN_WINDOWS.map((window) => [
      window,
      {
        okChecks: Number(row?.[`ok_${window}`] ?? 0),
        totalChecks: Number(row?.[`total_${window}`] ?? 0),
      },
    ]),
  ) as Record<BurnWindow, WindowChecks>;
}

interface HourRow {
  hour: number;
  p50: number | null;
  p95: number | null;
}

/**
 * Latency p50 and p95 by UTC hour over the current hour and the 23 before it, from those hours'
 * raw checks only (`uptime_checks_window_idx`): 24 hours of checks is a bounded read.
 */
export async function getHourlyLatency(
  db: Database,
  environmentId: number,
  now: Date,
): Promise<LatencyPoint[]> {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const hours = Array.from({ length: 24 }, (_, index) => currentHour - (23 - index) * HOUR_MS);
  const result = await db.execute(sql`
    select (floor(extract(epoch from c.checked_at) / 3600) * 3600000)::float8 as hour,
      (percentile_cont(0.5) within group (order by c.latency_ms))::float8 as p50,
      (percentile_cont(0.95) within group (order by c.latency_ms))::float8 as p95
    from uptime_checks c
    where c.environment_id = ${environmentId}::int and c.ok
      and c.checked_at >= ${timestampParam(new Date(hours[0]!))}
      and c.checked_at <= ${timestampParam(now)}
    group by 1`);
  const byHour = new Map(rowsOf<HourRow>(result).map((row) => [Number(row.hour), row]));
  return hours.map((hour) => ({
    period: new Date(hour).toISOString(),
    p50: numberOrNull(byHour.get(hour)?.p50),
    p95: numberOrNull(byHour.get(hour)?.p95),
  }));
}
