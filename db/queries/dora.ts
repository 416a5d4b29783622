import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import {
  addDays,
  type ChartRange,
  isoDay,
  rangeDayList,
  rangeDays,
  weekStart,
} from '@/lib/domain/chart-range';
import {
  type DeploymentSource,
  type DeploymentState,
  servingSince,
} from '@/lib/domain/deployments';
import {
  CHANGE_FAILURE_WINDOW_HOURS,
  type DoraDeployment,
  DORA_TREND_WEEKS,
  type DoraSummary,
  pullRequestNumberInMessage,
  summarizeDora,
} from '@/lib/domain/dora';
import { boardSettings } from '@/lib/settings/settings';
import type { Database } from '../client';
import { dateFromMs, dateFromMsOrNull, rowsOf, timestampParam } from './rows';
import { listIncidents } from './uptime';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The ISO weeks the trend draws: the last 12, or every week of a longer range. */
export function doraTrendWeeks(range: ChartRange, now: Date): string[] {
  const count = Math.max(DORA_TREND_WEEKS, Math.ceil(rangeDays(range) / 7));
  const thisWeek = weekStart(isoDay(now));
  return Array.from({ length: count }, (_, index) => addDays(thisWeek, -7 * (count - 1 - index)));
}

const list = (values: readonly (string | number)[]): SQL =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

interface DeploymentRow {
  id: number;
  source: DeploymentSource;
  state: DeploymentState;
  created_at: number;
  ready_at: number | null;
  updated_at: number;
  commit_sha: string;
  commit_message: string;
  pull_request_id: number | null;
}

/**
 * Production's deployments since `since`: one range of deployments_environment_created_idx per
 * production environment (few a day), with the promoted build's pull request by primary key.
 */
async function productionDeployments(
  db: Database,
  environmentIds: readonly number[],
  since: Date,
  now: Date,
): Promise<DeploymentRow[]> {
  const result = await db.execute(sql`
    select d.id, d.source::text as source, d.state::text as state,
      (extract(epoch from d.provider_created_at) * 1000)::float8 as created_at,
      (extract(epoch from d.ready_at) * 1000)::float8 as ready_at,
      (extract(epoch from d.provider_updated_at) * 1000)::float8 as updated_at,
      d.commit_sha, d.commit_message,
      coalesce(d.pull_request_id, s.pull_request_id) as pull_request_id
    from deployments d
    left join deployments s on s.id = d.source_deployment_id
    where d.environment_id in (${list(environmentIds)})
      and d.provider_created_at >= ${timestampParam(since)}
      and d.provider_created_at <= ${timestampParam(now)}
  `);
  return rowsOf<DeploymentRow>(result);
}

/**
 * When each change was first seen: its pull request's opening (by id, or by the number its
 * merge message names: pull_requests' primary key and (project_id, number) key) and the commit's
 * first deployment or CI run anywhere (deployments_commit_idx, ci_runs_head_sha_idx).
 */
async function changeStarts(
  db: Database,
  projectId: number,
  rows: readonly DeploymentRow[],
): Promise<Map<number, Date>> {
  const ids = [
    ...new Set(rows.flatMap((row) => (row.pull_request_id ? [row.pull_request_id] : []))),
  ];
  const numbers = [
    ...new Set(rows.flatMap((row) => pullRequestNumberInMessage(row.commit_message) ?? [])),
  ];
  const shas = [...new Set(rows.map((row) => row.commit_sha))];
  const [pullRequests, pushes] = await Promise.all([
    ids.length + numbers.length === 0
      ? []
      : db
          .execute(
            sql`
            select id, number, (extract(epoch from opened_at) * 1000)::float8 as opened_at
            from pull_requests
            where project_id = ${projectId} and (
              ${ids.length > 0 ? sql`id in (${list(ids)})` : sql`false`}
              or ${numbers.length > 0 ? sql`number in (${list(numbers)})` : sql`false`})
          `,
          )
          .then((result) => rowsOf<{ id: number; number: number; opened_at: number }>(result)),
    shas.length === 0
      ? []
      : db
          .execute(
            sql`
            select sha, (extract(epoch from min(seen_at)) * 1000)::float8 as first_seen
            from (
              select commit_sha as sha, provider_created_at as seen_at from deployments
              where commit_sha in (${list(shas)}) and project_id = ${projectId}
              union all
              select head_sha, provider_created_at from ci_runs
              where head_sha in (${list(shas)}) and project_id = ${projectId}
            ) seen
            group by sha
          `,
          )
          .then((result) => rowsOf<{ sha: string; first_seen: number }>(result)),
  ]);
  const openedById = new Map(pullRequests.map((pr) => [Number(pr.id), Number(pr.opened_at)]));
  const openedByNumber = new Map(
    pullRequests.map((pr) => [Number(pr.number), Number(pr.opened_at)]),
  );
  const firstSeen = new Map(pushes.map((push) => [push.sha, Number(push.first_seen)]));
  const starts = new Map<number, Date>();
  for (const row of rows) {
    const number = pullRequestNumberInMessage(row.commit_message);
    const candidates = [
      row.pull_request_id ? openedById.get(Number(row.pull_request_id)) : undefined,
      number === null ? undefined : openedByNumber.get(number),
      firstSeen.get(row.commit_sha),
    ].filter((value): value is number => value !== undefined);
    if (candidates.length > 0) starts.set(Number(row.id), new Date(Math.min(...candidates)));
  }
  return starts;
}

/**
 * The DORA figures of production over the range and their trend by ISO week. Everything read is
 * bounded by the window: production's deployments (and the few rows their changes point to) and
 * its incidents, read through the failed-checks partial index.
 */
export async function getDoraSummary(
  db: Database,
  projectId: number,
  {
    range,
    now,
    suspectWindowHours = boardSettings().INCIDENT_SUSPECT_HOURS,
  }: { range: ChartRange; now: Date; suspectWindowHours?: number },
): Promise<DoraSummary> {
  const weeks = doraTrendWeeks(range, now);
  const rangeStart = new Date(`${rangeDayList(range, now)[0]}T00:00:00Z`);
  const windowStart = new Date(Math.min(rangeStart.getTime(), Date.parse(`${weeks[0]}T00:00:00Z`)));
  const production = rowsOf<{ id: number }>(
    await db.execute(
      sql`select id from environments where project_id = ${projectId} and kind = 'production'`,
    ),
  ).map((row) => Number(row.id));
  if (production.length === 0) {
    return summarizeDora({ deployments: [], incidents: [] }, { from: rangeStart, to: now, weeks });
  }
  // A deployment just before the window can still be the one a rollback in the window replaced.
  const readFrom = new Date(windowStart.getTime() - CHANGE_FAILURE_WINDOW_HOURS * HOUR_MS);
  const [rows, incidents] = await Promise.all([
    productionDeployments(db, production, readFrom, now),
    listIncidents(db, projectId, {
      now,
      days: Math.ceil((now.getTime() - windowStart.getTime()) / DAY_MS),
      limit: 10_000,
      environmentIds: production,
    }),
  ]);
  const starts = await changeStarts(db, projectId, rows);
  const deployments = rows.map((row): DoraDeployment => ({
    id: Number(row.id),
    source: row.source,
    state: row.state,
    createdAt: dateFromMs(row.created_at),
    servingAt: servingSince({
      createdAt: dateFromMs(row.created_at),
      readyAt: dateFromMsOrNull(row.ready_at),
      updatedAt: dateFromMs(row.updated_at),
    }),
    changeStartedAt: starts.get(Number(row.id)) ?? null,
  }));
  return summarizeDora(
    {
      deployments,
      incidents: incidents.map((incident) => ({
        startedAt: incident.startedAt,
        resolvedAt: incident.resolvedAt,
      })),
      suspectWindowHours,
    },
    { from: rangeStart, to: now, weeks },
  );
}
