import 'server-only';
import { sql } from 'drizzle-orm';
import {
  type EnvironmentUptime,
  errorBudgetRemaining,
  type Incident,
  incidentDurationMs,
  windowUptime,
} from '@/lib/domain/uptime';
import type { Database } from '../client';
import { dateFromMs, dateFromMsOrNull, numberOrNull, rowsOf, timestampParam } from './rows';

const HOUR_MS = 3_600_000;

interface UptimeRow {
  environment_id: number;
  slug: string;
  name: string;
  kind: string;
  url: string | null;
  slo_pct: number;
  ok_24h: number;
  total_24h: number;
  ok_7d: number;
  total_7d: number;
  ok_30d: number;
  total_30d: number;
  p50: number | null;
  p95: number | null;
  last_checked_at: number | null;
  last_ok: boolean | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
}

/**
 * Uptime per active environment (or the one asked for) over 24 h / 7 d / 30 d, with 30-day latency percentiles over the
 * successful checks. Each environment reads one range of (environment_id, checked_at).
 */
export async function getUptimeByEnvironment(
  db: Database,
  projectId: number,
  { now, environmentId }: { now: Date; environmentId?: number },
): Promise<EnvironmentUptime[]> {
  const since30d = new Date(now.getTime() - 30 * 24 * HOUR_MS);
  const since7d = new Date(now.getTime() - 7 * 24 * HOUR_MS);
  const since24h = new Date(now.getTime() - 24 * HOUR_MS);
  const result = await db.execute(sql`
    select e.id as environment_id, e.slug, e.name, e.kind::text as kind, e.url,
      p.uptime_slo_pct::float8 as slo_pct,
      a.ok_24h, a.total_24h, a.ok_7d, a.total_7d, a.ok_30d, a.total_30d,
      a.latency[1]::float8 as p50, a.latency[2]::float8 as p95,
      (extract(epoch from l.checked_at) * 1000)::float8 as last_checked_at,
      l.ok as last_ok, l.status_code as last_status_code, l.latency_ms as last_latency_ms
    from environments e
    join projects p on p.id = e.project_id
    cross join lateral (
      select
        (count(*) filter (where c.ok and c.checked_at > ${timestampParam(since24h)}))::int as ok_24h,
        (count(*) filter (where c.checked_at > ${timestampParam(since24h)}))::int as total_24h,
        (count(*) filter (where c.ok and c.checked_at > ${timestampParam(since7d)}))::int as ok_7d,
        (count(*) filter (where c.checked_at > ${timestampParam(since7d)}))::int as total_7d,
        (count(*) filter (where c.ok))::int as ok_30d,
        count(*)::int as total_30d,
        -- One sort serves both percentiles.
        percentile_cont(array[0.5, 0.95]) within group (order by c.latency_ms)
          filter (where c.ok) as latency
      from uptime_checks c
      where c.environment_id = e.id and c.checked_at > ${timestampParam(since30d)} and c.checked_at <= ${timestampParam(now)}
    ) a
    left join lateral (
      select c.checked_at, c.ok, c.status_code, c.latency_ms
      from uptime_checks c
      where c.environment_id = e.id and c.checked_at <= ${timestampParam(now)}
      order by c.checked_at desc
      limit 1
    ) l on true
    where e.project_id = ${projectId} and e.status = 'active'
      ${environmentId === undefined ? sql`` : sql`and e.id = ${environmentId}`}
    order by case e.kind when 'production' then 0 when 'staging' then 1 when 'development' then 2 else 3 end,
      e.name
  `);
  return rowsOf<UptimeRow>(result).map((row) => {
    const slo = Number(row.slo_pct);
    return {
      environmentId: Number(row.environment_id),
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      url: row.url,
      sloPct: slo,
      windows: {
        '24h': windowUptime(Number(row.ok_24h), Number(row.total_24h), slo),
        '7d': windowUptime(Number(row.ok_7d), Number(row.total_7d), slo),
        '30d': windowUptime(Number(row.ok_30d), Number(row.total_30d), slo),
      },
      errorBudgetRemaining30d: errorBudgetRemaining(Number(row.ok_30d), Number(row.total_30d), slo),
      latencyP50Ms: numberOrNull(row.p50),
      latencyP95Ms: numberOrNull(row.p95),
      lastCheck:
        row.last_checked_at === null
          ? null
          : {
              checkedAt: dateFromMs(row.last_checked_at),
              ok: Boolean(row.last_ok),
              statusCode: numberOrNull(row.last_status_code),
              latencyMs: numberOrNull(row.last_latency_ms),
            },
    };
  });
}

interface IncidentRow {
  environment_id: number;
  slug: string;
  name: string;
  started_at: number;
  last_failure_at: number;
  resolved_at: number | null;
  checks_failed: number;
  first_error: string | null;
  first_status_code: number | null;
}

/**
 * Incidents are runs of consecutive failed checks (gaps and islands). Only failures are read,
 * through the partial index on failed checks; a failure opens a new incident when a successful
 * check lies between it and the previous failure, which one index probe answers.
 */
export async function listIncidents(
  db: Database,
  projectId: number,
  {
    now,
    days,
    limit = 200,
    environmentIds,
  }: {
    now: Date;
    days: number;
    limit?: number;
    /** Only these environments (production for DORA, one for its timeline); all when absent. */
    environmentIds?: readonly number[];
  },
): Promise<Incident[]> {
  if (environmentIds?.length === 0) return [];
  const since = new Date(now.getTime() - days * 24 * HOUR_MS);
  const result = await db.execute(sql`
    with failures as (
      select c.environment_id, c.checked_at, c.status_code, c.error,
        lag(c.checked_at) over (partition by c.environment_id order by c.checked_at) as previous_at
      from uptime_checks c
      where c.ok = false and c.checked_at > ${timestampParam(since)} and c.checked_at <= ${timestampParam(now)}
        and c.environment_id in (select id from environments where project_id = ${projectId})
        ${
          environmentIds
            ? sql`and c.environment_id in (${sql.join(
                environmentIds.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        }
    ),
    marked as (
      select f.*,
        case when f.previous_at is null or exists (
          select 1 from uptime_checks o
          where o.environment_id = f.environment_id and o.ok
            and o.checked_at > f.previous_at and o.checked_at < f.checked_at
        ) then 1 else 0 end as opens
      from failures f
    ),
    islands as (
      select m.*, sum(m.opens) over (partition by m.environment_id order by m.checked_at) as island
      from marked m
    ),
    incidents as (
      select environment_id, island,
        min(checked_at) as started_at,
        max(checked_at) as last_failure_at,
        count(*)::int as checks_failed,
        (array_agg(error order by checked_at))[1] as first_error,
        (array_agg(status_code order by checked_at))[1] as first_status_code
      from islands
      group by environment_id, island
    )
    select i.environment_id, e.slug, e.name,
      (extract(epoch from i.started_at) * 1000)::float8 as started_at,
      (extract(epoch from i.last_failure_at) * 1000)::float8 as last_failure_at,
      (extract(epoch from r.checked_at) * 1000)::float8 as resolved_at,
      i.checks_failed, i.first_error, i.first_status_code
    from incidents i
    join environments e on e.id = i.environment_id
    left join lateral (
      select o.checked_at from uptime_checks o
      where o.environment_id = i.environment_id and o.ok
        and o.checked_at > i.last_failure_at and o.checked_at <= ${timestampParam(now)}
      order by o.checked_at
      limit 1
    ) r on true
    order by i.started_at desc
    limit ${limit}
  `);
  return rowsOf<IncidentRow>(result).map((row) => {
    const startedAt = dateFromMs(row.started_at);
    const resolvedAt = dateFromMsOrNull(row.resolved_at);
    return {
      environmentId: Number(row.environment_id),
      environmentSlug: row.slug,
      environmentName: row.name,
      startedAt,
      lastFailureAt: dateFromMs(row.last_failure_at),
      resolvedAt,
      durationMs: incidentDurationMs(startedAt, resolvedAt, now),
      checksFailed: Number(row.checks_failed),
      firstError: row.first_error,
      firstStatusCode: numberOrNull(row.first_status_code),
    };
  });
}
