import type { BurnRateReading } from './burn-rate';
import type { ChartRange } from './chart-range';
import type { ErrorBudget } from './error-budget';
import type { UptimeWindow, WindowUptime } from './uptime';
import type { AvailabilityPeriod, LatencyPoint } from './uptime-series';

/** The environment the uptime charts are about. */
export interface UptimeEnvironment {
  id: number;
  slug: string;
  name: string;
  kind: string;
}

/** An incident as the time axis draws it: ISO instants, so it crosses to a chart or JSON as is. */
export interface IncidentSpan {
  startedAt: string;
  /** The first successful check after the failures; null while it goes on. */
  resolvedAt: string | null;
  checksFailed: number;
  firstError: string | null;
  durationMs: number;
}

export interface LatencySeries {
  grain: 'hour' | 'day';
  points: LatencyPoint[];
}

/**
 * Everything the uptime charts draw for one environment, as plain numbers and ISO days: the
 * page renders it and `GET /api/v1/metrics/uptime` answers it.
 */
export interface UptimeMetrics {
  environment: UptimeEnvironment;
  sloPct: number;
  range: ChartRange;
  grain: 'day' | 'week';
  availability: {
    from: string;
    to: string;
    /** The range as one window: the figure and its verdict from the same sums. */
    window: WindowUptime;
    periods: AvailabilityPeriod[];
    /** Where the zoomed availability axis starts. */
    axisFloor: number;
  };
  incidents: IncidentSpan[];
  latency: Record<UptimeWindow, LatencySeries>;
  errorBudget: ErrorBudget;
  burnRates: BurnRateReading[];
}
