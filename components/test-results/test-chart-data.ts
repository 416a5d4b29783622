import type { ChartTableData } from '@/components/charts/chart-table';
import { type ChartUnit, formatValue } from '@/components/charts/chart-values';
import { periodLabel } from '@/components/charts/period-label';
import { PALETTE } from '@/components/charts/palette';
import type { TimePoint, TimeSeries } from '@/components/charts/time-series';
import { carryForward, type TestMetrics, type TestPeriodStats } from '@/lib/domain/test-metrics';
import type { TestSuite } from '@/lib/domain/test-runs';
import { SUITE_LABEL } from './suite-label';

/** A suite keeps its colour on every test chart. */
export const SUITE_COLORS: Record<TestSuite, string> = {
  unit: PALETTE.blue,
  integration: PALETTE.orange,
  e2e: PALETTE.green,
};

/** One figure a chart draws per suite. */
export interface SuiteFigure {
  pick: (point: TestPeriodStats) => number | null;
  /**
   * What a period without runs shows: a gap (pass rate: nothing ran), zero (flaky tests: none
   * seen) or the last value (a suite keeps its size and coverage between reports).
   */
  absent: 'gap' | 'zero' | 'carry';
}

/** The suites that have a value to draw (e2e reports no coverage, for one). */
export function drawnSuites(metrics: TestMetrics, figure: SuiteFigure): TestSuite[] {
  return metrics.suites
    .filter((series) => series.points.some((point) => figure.pick(point) !== null))
    .map((series) => series.suite);
}

export function suiteTimePoints(metrics: TestMetrics, figure: SuiteFigure): TimePoint[] {
  const points: TimePoint[] = metrics.periods.map((period) => ({ period }));
  for (const series of metrics.suites) {
    const known = new Map<string, number>();
    for (const point of series.points) {
      const value = figure.pick(point);
      if (value !== null) known.set(point.period, value);
    }
    const values =
      figure.absent === 'carry'
        ? carryForward(metrics.periods, known)
        : metrics.periods.map(
            (period) => known.get(period) ?? (figure.absent === 'zero' ? 0 : null),
          );
    values.forEach((value, index) => {
      points[index]![series.suite] = value;
    });
  }
  return points;
}

export function suiteSeries(
  suites: readonly TestSuite[],
  kind: TimeSeries['kind'],
  stackId?: string,
): TimeSeries[] {
  return suites.map((suite) => ({
    key: suite,
    label: SUITE_LABEL[suite],
    color: SUITE_COLORS[suite],
    kind,
    stackId,
  }));
}

/** The chart's numbers as a table, formatted as its tooltip formats them. */
export function suiteTable(
  caption: string,
  metrics: TestMetrics,
  suites: readonly TestSuite[],
  points: readonly TimePoint[],
  unit: ChartUnit,
): ChartTableData {
  return {
    caption,
    columns: [
      { key: 'period', label: metrics.grain === 'week' ? 'Week (UTC)' : 'Day (UTC)' },
      ...suites.map((suite) => ({ key: suite, label: SUITE_LABEL[suite], numeric: true })),
    ],
    rows: points.map((point) => ({
      period: periodLabel(point.period, metrics.grain),
      ...Object.fromEntries(
        suites.map((suite) => [suite, formatValue(unit, point[suite] as number | null)]),
      ),
    })),
  };
}
