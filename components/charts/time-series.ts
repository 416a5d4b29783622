import type { ChartUnit } from './chart-values';

/**
 * A chart over days or weeks, as the server hands it to the client: plain numbers and ISO days,
 * never Date objects or database rows.
 */
export interface TimePoint {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  period: string;
  [series: string]: number | string | null;
}

export interface TimeSeries {
  key: string;
  label: string;
  color: string;
  kind: 'bar' | 'line' | 'area';
  /** Series with the same stack id are stacked (and the tooltip adds their total). */
  stackId?: string;
  /** Dotted, for forecasts and other figures not yet real. */
  dotted?: boolean;
  /** Drawn lighter: the secondary line of a pair (p95 beside p50). */
  secondary?: boolean;
  axis?: 'left' | 'right';
}

export interface Threshold {
  value: number;
  /** Shown at the line's right end: "Budget $100", "SLO 99.9 %". */
  label: string;
  axis?: 'left' | 'right';
}

/** A small marker over one period (an anomaly, a deploy), with the reason in its title. */
export interface PeriodMarker {
  period: string;
  value: number;
  label: string;
}

/** A shaded span on the time axis (an incident, the forecast over budget). */
export interface PeriodBand {
  from: string;
  to: string;
  label: string;
  tone: 'bad' | 'neutral';
}

export interface TimeSeriesChartProps {
  data: readonly TimePoint[];
  series: readonly TimeSeries[];
  unit: ChartUnit;
  rightUnit?: ChartUnit;
  grain: 'day' | 'week';
  thresholds?: readonly Threshold[];
  markers?: readonly PeriodMarker[];
  bands?: readonly PeriodBand[];
  /** For availability and latency, which may zoom; amounts always start at zero. */
  yDomain?: [number | 'auto', number | 'auto'];
  /** The last period is today or this week: drawn lighter and labelled "so far". */
  partialLast?: boolean;
  /** Where a click on a period goes; `{period}` is replaced by its ISO day. */
  periodHref?: string;
  /** The name of the chart for assistive technology. */
  label: string;
}
