import { ProviderError } from '../errors';
import type { ProviderHttpClient } from '../http';
import type { NeonConfig } from './config';
import { collectPages } from './paginate';
import {
  branchConsumptionSchema,
  type ConsumptionPeriods,
  projectConsumptionSchema,
} from './schemas';
import { rfc3339 } from './time';

export interface ConsumptionQuery {
  from: Date;
  to: Date;
  granularity: 'hourly' | 'daily' | 'monthly';
  metrics: string[];
  /**
   * Per branch is Neon's beta endpoint and supports fewer metrics than per project
   * (https://api-docs.neon.tech/reference/getconsumptionhistoryperproject).
   */
  per: 'project' | 'branch';
  /**
   * Told of each timeframe that could not be read (no `timeframe_start`), so the caller can
   * record it and keep the rest.
   */
  onSkippedFrame?: (reason: string) => void;
}

/** One metric over one timeframe: the row shape cost_samples are built from. */
export interface ConsumptionSample {
  projectId: string;
  /** Null for project-wide figures. */
  branchId: string | null;
  timeframeStart: string;
  timeframeEnd: string;
  metric: string;
  value: number;
}

const HOUR_MS = 3_600_000;

/**
 * Where a timeframe Neon sent without its end stops: an hour or a day after its start, or at the
 * start of the next month.
 */
function frameEnd(start: string, granularity: ConsumptionQuery['granularity']): string {
  const at = new Date(start);
  const end =
    granularity === 'monthly'
      ? Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)
      : at.getTime() + (granularity === 'daily' ? 24 : 1) * HOUR_MS;
  return new Date(end).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Neon nests figures as project → billing period → timeframe → metric; flattened here. Neon's
 * document makes every timeframe field optional: a frame without metrics yields nothing, one
 * without an end ends a granularity step after its start, and one without a start is skipped
 * and reported, since its figures belong to no known day.
 */
export function flattenConsumption(
  projectId: string,
  branchId: string | null,
  periods: ConsumptionPeriods,
  granularity: ConsumptionQuery['granularity'] = 'daily',
  onSkippedFrame: (reason: string) => void = () => {},
): ConsumptionSample[] {
  const owner = branchId ? `branch ${branchId}` : `project ${projectId}`;
  return periods.flatMap((period) =>
    period.consumption.flatMap((frame) => {
      const metrics = frame.metrics ?? [];
      const start = frame.timeframe_start;
      if (!start) {
        if (metrics.length > 0) {
          onSkippedFrame(
            `Neon sent ${metrics.length} consumption figure(s) for ${owner} without a timeframe_start; they were skipped`,
          );
        }
        return [];
      }
      const end = frame.timeframe_end ?? frameEnd(start, granularity);
      return metrics.map((metric) => ({
        projectId,
        branchId,
        timeframeStart: start,
        timeframeEnd: end,
        metric: metric.metric_name,
        value: metric.value,
      }));
    }),
  );
}

const CONSUMPTION_PAGE = 100;

/** Every page of Neon's consumption history for the configured project, flattened. */
export async function consumptionHistory(
  http: ProviderHttpClient,
  config: NeonConfig,
  { from, to, granularity, metrics, per, onSkippedFrame }: ConsumptionQuery,
): Promise<ConsumptionSample[]> {
  if (!config.orgId) {
    // Neon requires org_id here; saying so beats a 400 from the API.
    throw new ProviderError({
      provider: 'neon',
      operation: 'getConsumptionHistory',
      retryable: false,
      message: 'NEON_ORG_ID is not configured',
    });
  }
  const query = {
    from: rfc3339(from),
    to: rfc3339(to),
    granularity,
    metrics: metrics.join(','),
    org_id: config.orgId,
    project_ids: config.projectId,
    limit: CONSUMPTION_PAGE,
  };
  const operation = 'getConsumptionHistory';
  const pages = await collectPages(async (cursor) => {
    if (per === 'project') {
      const { data } = await http.request({
        operation,
        path: '/consumption_history/v2/projects',
        query: { ...query, cursor },
        schema: projectConsumptionSchema,
      });
      const items = data.projects.flatMap((p) =>
        flattenConsumption(p.project_id, null, p.periods, granularity, onSkippedFrame),
      );
      const next = data.projects.length < CONSUMPTION_PAGE ? undefined : data.pagination?.cursor;
      return { items, next };
    }
    const { data } = await http.request({
      operation,
      path: '/consumption_history/v2/branches',
      query: { ...query, cursor },
      schema: branchConsumptionSchema,
    });
    const items = data.branches.flatMap((b) =>
      flattenConsumption(b.project_id, b.branch_id, b.periods, granularity, onSkippedFrame),
    );
    const next = data.branches.length < CONSUMPTION_PAGE ? undefined : data.pagination?.cursor;
    return { items, next };
  });
  return pages;
}
