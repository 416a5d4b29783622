import type { ChartTableData } from '@/components/charts/chart-table';
import { type ChartUnit, formatValue } from '@/components/charts/chart-values';
import { periodLabel } from '@/components/charts/period-label';
import { PALETTE } from '@/components/charts/palette';
import type { TimePoint, TimeSeries } from '@/components/charts/time-series';
import type { CiMetrics, CiPeriodStats } from '@/lib/domain/ci-metrics';

const WORKFLOW_COLORS = Object.values(PALETTE);

/** A workflow keeps its colour on every CI chart: the busiest is blue, then orange… */
export function workflowColor(index: number): string {
  return WORKFLOW_COLORS[index % WORKFLOW_COLORS.length]!;
}

/** One figure a chart draws per workflow, e.g. the p95 duration. */
export interface CiField {
  /** Added to the series key and the column label: "p50", "p95". */
  name: string;
  pick: (point: CiPeriodStats) => number | null;
  /** The lighter line of a pair. */
  secondary?: boolean;
  /** The value of a period without runs: 0 for counts; absent, a gap. */
  absent?: number;
}

/** Series keys are positional: a workflow's name may hold dots, which recharts reads as paths. */
const seriesKey = (workflowIndex: number, field: CiField) => `w${workflowIndex}_${field.name}`;

/** One point per period of the range; a period without runs is null (a gap, not a zero). */
export function ciTimePoints(metrics: CiMetrics, fields: readonly CiField[]): TimePoint[] {
  const lookups = metrics.workflows.map(
    (workflow) => new Map(workflow.points.map((point) => [point.period, point])),
  );
  return metrics.periods.map((period) => {
    const point: TimePoint = { period };
    lookups.forEach((lookup, index) => {
      const stats = lookup.get(period);
      for (const field of fields)
        point[seriesKey(index, field)] = stats ? field.pick(stats) : (field.absent ?? null);
    });
    return point;
  });
}

export function ciSeries(
  metrics: CiMetrics,
  fields: readonly CiField[],
  kind: TimeSeries['kind'],
  stackId?: string,
): TimeSeries[] {
  const single = fields.length === 1;
  return metrics.workflows.flatMap((workflow, index) =>
    fields.map((field) => ({
      key: seriesKey(index, field),
      label: single ? workflow.workflow : `${workflow.workflow} ${field.name}`,
      color: workflowColor(index),
      kind,
      secondary: field.secondary,
      stackId,
    })),
  );
}

/** The chart's numbers as a table, formatted as its tooltip formats them. */
export function ciTable(
  caption: string,
  metrics: CiMetrics,
  fields: readonly CiField[],
  unit: ChartUnit,
): ChartTableData {
  const series = ciSeries(metrics, fields, 'line');
  const points = ciTimePoints(metrics, fields);
  return {
    caption,
    columns: [
      { key: 'period', label: metrics.grain === 'week' ? 'Week (UTC)' : 'Day (UTC)' },
      ...series.map((item) => ({ key: item.key, label: item.label, numeric: true })),
    ],
    rows: points.map((point) => ({
      period: periodLabel(point.period, metrics.grain),
      ...Object.fromEntries(
        series.map((item) => [item.key, formatValue(unit, point[item.key] as number | null)]),
      ),
    })),
  };
}

export const DURATION_FIELDS: readonly CiField[] = [
  { name: 'p50', pick: (point) => point.durationP50Ms },
  { name: 'p95', pick: (point) => point.durationP95Ms, secondary: true },
];
export const QUEUE_FIELDS: readonly CiField[] = [
  { name: 'p50', pick: (point) => point.queueP50Ms },
  { name: 'p95', pick: (point) => point.queueP95Ms, secondary: true },
];
export const RUNS_FIELDS: readonly CiField[] = [
  { name: 'runs', pick: (point) => point.runs, absent: 0 },
];
/** In percent (0–100), like the 90 % line drawn over it. */
export const SUCCESS_FIELDS: readonly CiField[] = [
  {
    name: 'success',
    pick: (point) => (point.successRate === null ? null : point.successRate * 100),
  },
];
