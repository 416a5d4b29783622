import type { ChartRange } from './chart-range';

/** A workflow's success rate under this is drawn red: one run in ten failing is a broken CI. */
export const CI_SUCCESS_TARGET = 0.9;

export type CiGrain = 'day' | 'week';

/** One workflow over one day or ISO week (Monday), as `ci_rollups` keeps it. */
export interface CiPeriodStats {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  period: string;
  runs: number;
  successes: number;
  failures: number;
  /** Successes over decided runs (successes + failures); null when none was decided. */
  successRate: number | null;
  durationP50Ms: number | null;
  durationP95Ms: number | null;
  queueP50Ms: number | null;
  queueP95Ms: number | null;
}

export interface CiWorkflowSeries {
  workflow: string;
  /** Only the periods with completed runs, oldest first. */
  points: CiPeriodStats[];
}

/** The slowest run of one workflow's period: the rows `slowest_run_id` points at. */
export interface CiSlowRun {
  id: number;
  workflow: string;
  period: string;
  durationMs: number;
  queueMs: number | null;
  conclusion: string | null;
  headBranch: string;
  headSha: string;
  htmlUrl: string | null;
  /** ISO instant. */
  createdAt: string;
}

export interface CiMetrics {
  range: ChartRange;
  grain: CiGrain;
  /** Every period the charts draw, oldest first (days, or Mondays). */
  periods: string[];
  /** Busiest first. */
  workflows: CiWorkflowSeries[];
  slowest: CiSlowRun[];
}

/**
 * Cancelled and skipped runs say nothing about the code (a newer push cancels an older run), so
 * the rate counts only runs that ended in success or failure.
 */
export function successRate(successes: number, failures: number): number | null {
  const decided = successes + failures;
  return decided === 0 ? null : successes / decided;
}

/**
 * The typical value over a range, from per-period percentiles: each period's median weighted by
 * its runs. Percentiles cannot be merged exactly; this is the median a run of the range most
 * likely saw, without reading the raw runs. Null when no period has a value.
 */
export function weightedMedian(
  values: readonly { value: number | null; weight: number }[],
): number | null {
  const known = values
    .filter(
      (item): item is { value: number; weight: number } => item.value !== null && item.weight > 0,
    )
    .sort((a, b) => a.value - b.value);
  const total = known.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const item of known) {
    seen += item.weight;
    if (seen * 2 >= total) return item.value;
  }
  return known[known.length - 1]!.value;
}

/** The range's success rate over every workflow: all successes over all decided runs. */
export function overallSuccessRate(workflows: readonly CiWorkflowSeries[]): number | null {
  let successes = 0;
  let failures = 0;
  for (const workflow of workflows) {
    for (const point of workflow.points) {
      successes += point.successes;
      failures += point.failures;
    }
  }
  return successRate(successes, failures);
}
