import { ApiError } from '../api-error';
import type { Handler, Router } from '../http/router';
import { json } from '../http/server';
import { pageOf } from './wire';

/**
 * Neon's consumption history v2
 * (https://api-docs.neon.tech/reference/getconsumptionhistoryperproject), per project and per
 * branch, served from rows a seed or a test puts in. Rows without a branch are project-wide
 * figures.
 */
export interface ConsumptionRow {
  projectId: string;
  branchId: string | null;
  timeframeStart: string;
  timeframeEnd: string;
  metric: string;
  value: number;
}

const HOUR = 3600 * 1000;
const WINDOW_MS: Record<string, number> = {
  hourly: 168 * HOUR,
  daily: 60 * 24 * HOUR,
  monthly: 366 * 24 * HOUR,
};
const PERIOD_ID = '00000000-0000-4000-8000-000000000001';

function list(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .filter(Boolean);
}

function checkRange(query: URLSearchParams) {
  const missing = ['from', 'to', 'granularity', 'org_id', 'metrics'].filter(
    (key) => !query.get(key),
  );
  if (missing.length > 0)
    throw new ApiError(400, 'BAD_REQUEST', `missing query parameters: ${missing.join(', ')}`);
  const from = Date.parse(query.get('from')!);
  const to = Date.parse(query.get('to')!);
  const window = WINDOW_MS[query.get('granularity')!];
  if (window === undefined)
    throw new ApiError(400, 'BAD_REQUEST', 'granularity must be hourly, daily or monthly');
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from || to - from > window) {
    throw new ApiError(
      406,
      'NOT_ACCEPTABLE',
      'the requested range is not acceptable for this granularity',
    );
  }
  return {
    from,
    to,
    metrics: new Set(list(query, 'metrics')),
    projectIds: list(query, 'project_ids'),
  };
}

function periods(rows: ConsumptionRow[], from: number) {
  const frames = new Map<string, ConsumptionRow[]>();
  for (const row of rows)
    frames.set(row.timeframeStart, [...(frames.get(row.timeframeStart) ?? []), row]);
  const consumption = [...frames.values()]
    .sort((a, b) => a[0]!.timeframeStart.localeCompare(b[0]!.timeframeStart))
    .map((frame) => ({
      timeframe_start: frame[0]!.timeframeStart,
      timeframe_end: frame[0]!.timeframeEnd,
      // Neon's document types each value as an integer, in the metric's raw unit.
      metrics: frame.map((row) => ({ metric_name: row.metric, value: Math.round(row.value) })),
    }));
  return [
    {
      period_id: PERIOD_ID,
      period_plan: 'scale',
      period_start: new Date(from).toISOString(),
      consumption,
    },
  ];
}

export function consumptionRoutes(
  router: Router,
  route: (handler: Handler) => Handler,
  rows: ConsumptionRow[],
): Router {
  const select = (query: URLSearchParams, perBranch: boolean) => {
    const { from, to, metrics, projectIds } = checkRange(query);
    if (perBranch && projectIds.length === 0)
      throw new ApiError(400, 'BAD_REQUEST', 'project_ids is required');
    const matching = rows.filter((row) => {
      const start = Date.parse(row.timeframeStart);
      return (
        (row.branchId !== null) === perBranch &&
        metrics.has(row.metric) &&
        (projectIds.length === 0 || projectIds.includes(row.projectId)) &&
        start >= from &&
        start < to
      );
    });
    const groups = new Map<string, ConsumptionRow[]>();
    for (const row of matching) {
      const key = `${row.projectId}/${row.branchId ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return { from, groups: [...groups.values()] };
  };

  return router
    .on(
      'GET',
      '/api/v2/consumption_history/v2/projects',
      route(({ query }) => {
        const { from, groups } = select(query, false);
        const { page, next } = pageOf(groups, query, 10);
        const projects = page.map((group) => ({
          project_id: group[0]!.projectId,
          periods: periods(group, from),
        }));
        return json(200, { projects, pagination: { cursor: next } });
      }),
    )
    .on(
      'GET',
      '/api/v2/consumption_history/v2/branches',
      route(({ query }) => {
        const { from, groups } = select(query, true);
        const { page, next } = pageOf(groups, query, 100);
        const branches = page.map((group) => ({
          project_id: group[0]!.projectId,
          branch_id: group[0]!.branchId!,
          periods: periods(group, from),
        }));
        return json(200, { branches, pagination: { cursor: next } });
      }),
    );
}
