import type { TestMetrics } from '@/lib/domain/test-metrics';
import type { TestSuite } from '@/lib/domain/test-runs';
import { type SuiteFigure, suiteTimePoints } from './test-chart-data';

/** Each suite's value in the range's last period, as its chart draws it (carried when asked). */
export function latestPerSuite(
  metrics: TestMetrics,
  figure: SuiteFigure,
): [TestSuite, number][] {
  const last = suiteTimePoints(metrics, figure).at(-1);
  if (!last) return [];
  return metrics.suites.flatMap(({ suite }) => {
    const value = last[suite];
    return typeof value === 'number' ? [[suite, value] as [TestSuite, number]] : [];
  });
}

/** Passed runs over runs across every suite of the range; null without runs. */
export function rangePassRate(metrics: TestMetrics): { rate: number; runs: number } | null {
  let runs = 0;
  let passed = 0;
  for (const series of metrics.suites) {
    for (const point of series.points) {
      runs += point.runs;
      passed += point.passedRuns;
    }
  }
  return runs === 0 ? null : { rate: passed / runs, runs };
}

/**
 * Where a coverage axis starts: 10 points under the lowest value or threshold, on a multiple of
 * 10, so a creep of a point shows; 0 when there is nothing to draw.
 */
export function coverageAxisFloor(
  metrics: TestMetrics,
  figure: SuiteFigure,
  thresholdPct: number,
): number {
  const values = metrics.suites.flatMap((series) =>
    series.points.map(figure.pick).filter((value): value is number => value !== null),
  );
  if (values.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(thresholdPct, ...values) - 10) / 10) * 10);
}
