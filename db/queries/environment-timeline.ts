import 'server-only';
import { sql } from 'drizzle-orm';
import { addDays, type ChartRange, isoDay, rangeDayList } from '@/lib/domain/chart-range';
import { DEPLOYMENT_SOURCE_LABELS, type DeploymentSource } from '@/lib/domain/deployments';
import {
  costSpikeDays,
  TIMELINE_LANE_LIMIT,
  type TimelineEvent,
} from '@/lib/domain/environment-timeline';
import { ANOMALY_WINDOW_DAYS } from '@/lib/domain/costs';
import { commitTitle, incidentCauseText } from '@/lib/domain/incident-links';
import { sentenceCase } from '@/lib/domain/sentence-case';
import type { Database } from '../client';
import { rowsOf, timestampParam } from './rows';
import { listLinkedIncidents } from './incident-links';

const DAY_MS = 86_400_000;
const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
const epoch = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

export interface TimelineEnvironment {
  id: number;
  slug: string;
  gitBranch: string;
  pullRequestId: number | null;
}

export interface EnvironmentTimeline {
  from: string;
  to: string;
  events: TimelineEvent[];
  /** Lanes that had more events than they keep (the oldest were left out). */
  truncated: string[];
}

/**
 * Everything that happened to one environment in the range, on one time axis. Each lane is one
 * bounded range of an index of that environment: deployments_environment_created_idx,
 * operations_environment_requested_idx, the failed-checks partial index (incidents),
 * test_runs_environment_started_idx / test_runs_branch_started_idx / test_runs_pull_request_idx,
 * and cost_samples_environment_day_idx (7 days more, for the spike rule's median).
 */
export async function getEnvironmentTimeline(
  db: Database,
  projectId: number,
  environment: TimelineEnvironment,
  { range, now }: { range: ChartRange; now: Date },
): Promise<EnvironmentTimeline> {
  const firstDay = rangeDayList(range, now)[0]!;
  const from = new Date(`${firstDay}T00:00:00Z`);
  const since = timestampParam(from);
  const until = timestampParam(now);
  const limit = TIMELINE_LANE_LIMIT + 1;
  const [deployments, operations, incidents, testRuns, costs] = await Promise.all([
    db.execute(sql`
      select id, source::text as source, state::text as state, commit_sha, commit_message,
        ${epoch('provider_created_at')} as at
      from deployments
      where environment_id = ${environment.id}
        and provider_created_at >= ${since} and provider_created_at <= ${until}
      order by provider_created_at desc
      limit ${limit}
    `),
    db.execute(sql`
      select id, kind::text as kind, state::text as state, reason, error,
        ${epoch('requested_at')} as at
      from operations
      where environment_id = ${environment.id}
        and requested_at >= ${since} and requested_at <= ${until}
      order by requested_at desc
      limit ${limit}
    `),
    listLinkedIncidents(db, projectId, {
      now,
      days: Math.ceil((now.getTime() - from.getTime()) / DAY_MS),
      limit,
      environmentIds: [environment.id],
    }),
    db.execute(sql`
      select id, suite::text as suite, status::text as status, total, failed, flaky,
        ${epoch('started_at')} as at
      from test_runs
      where id in (
        select id from test_runs where environment_id = ${environment.id}
          and started_at >= ${since} and started_at <= ${until}
        union
        select id from test_runs where project_id = ${projectId} and branch = ${environment.gitBranch}
          and started_at >= ${since} and started_at <= ${until}
        ${
          environment.pullRequestId === null
            ? sql``
            : sql`union
        select id from test_runs where pull_request_id = ${environment.pullRequestId}
          and started_at >= ${since} and started_at <= ${until}`
        }
      )
      order by started_at desc
      limit ${limit}
    `),
    db.execute(sql`
      select day::text as day, sum(amount_usd)::float8 as amount_usd
      from cost_samples
      where environment_id = ${environment.id}
        and day between ${addDays(firstDay, -ANOMALY_WINDOW_DAYS)} and ${isoDay(now)}
      group by day
    `),
  ]);

  // A deployment suspected of an incident says so on its own event too.
  const suspectOf = new Map(
    incidents.flatMap((incident) =>
      incident.cause.suspected && incident.cause.deployment
        ? [[incident.cause.deployment.id, incident] as const]
        : [],
    ),
  );
  const lanes: Record<string, TimelineEvent[]> = {
    deployment: rowsOf<{
      id: number;
      source: DeploymentSource;
      state: string;
      commit_sha: string;
      commit_message: string;
      at: number;
    }>(deployments).map((row) => ({
      lane: 'deployment',
      at: iso(row.at),
      title: DEPLOYMENT_SOURCE_LABELS[row.source] ?? row.source,
      detail: `${row.commit_sha.slice(0, 7)} ${commitTitle(row.commit_message)}${
        suspectOf.has(Number(row.id))
          ? ` — suspected cause of the incident at ${suspectOf.get(Number(row.id))!.startedAt.toISOString().slice(11, 16)} UTC`
          : ''
      }`,
      status: row.state,
      bad: row.state === 'error' || suspectOf.has(Number(row.id)),
      href: `/deployments?environment=${encodeURIComponent(environment.slug)}`,
    })),
    operation: rowsOf<{
      id: number;
      kind: string;
      state: string;
      reason: string | null;
      error: string | null;
      at: number;
    }>(operations).map((row) => ({
      lane: 'operation',
      at: iso(row.at),
      title: sentenceCase(row.kind),
      detail: row.error ?? row.reason ?? '',
      status: row.state,
      bad: row.state === 'failed' || row.state === 'rejected',
      href: `/audit?environment=${encodeURIComponent(environment.slug)}&action=${row.kind}`,
    })),
    incident: incidents.map((incident) => ({
      lane: 'incident',
      at: incident.startedAt.toISOString(),
      endAt: incident.resolvedAt?.toISOString() ?? null,
      title: `${incident.checksFailed} failed check${incident.checksFailed === 1 ? '' : 's'}`,
      detail: [incidentCauseText(incident.cause), incident.firstError].filter(Boolean).join(' — '),
      status: incident.resolvedAt ? 'resolved' : 'ongoing',
      bad: true,
      href: '/uptime',
    })),
    'test-run': rowsOf<{
      id: number;
      suite: string;
      status: string;
      total: number;
      failed: number;
      flaky: number;
      at: number;
    }>(testRuns).map((row) => ({
      lane: 'test-run',
      at: iso(row.at),
      title: `${row.suite} tests`,
      detail: `${row.total} tests, ${row.failed} failed, ${row.flaky} flaky`,
      status: row.status,
      bad: row.status === 'failed',
      href: `/tests/runs/${row.id}`,
    })),
    'cost-spike': costSpikeDays(
      rowsOf<{ day: string; amount_usd: number }>(costs).map((row) => ({
        day: String(row.day).slice(0, 10),
        amountUsd: Number(row.amount_usd),
      })),
      firstDay,
      isoDay(now),
    ).map((spike) => ({
      lane: 'cost-spike',
      at: `${spike.day}T12:00:00.000Z`,
      title: 'Cost spike',
      detail: '',
      amountUsd: spike.amountUsd,
      baselineUsd: spike.trailingMedianUsd,
      status: 'spike',
      bad: true,
      href: `/costs?month=${spike.day.slice(0, 7)}`,
    })),
  };
  const truncated = Object.entries(lanes)
    .filter(([, events]) => events.length > TIMELINE_LANE_LIMIT)
    .map(([lane]) => lane);
  const events = Object.values(lanes)
    .flatMap((events) => events.slice(0, TIMELINE_LANE_LIMIT))
    .sort((a, b) => a.at.localeCompare(b.at));
  return { from: from.toISOString(), to: now.toISOString(), events, truncated };
}
