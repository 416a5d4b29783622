import type { ReactNode } from 'react';
import { formatValue } from '@/components/charts/chart-values';
import { CHART_RANGE_LABELS } from '@/lib/domain/chart-range';
import type { TestMetrics } from '@/lib/domain/test-metrics';
import type { TestSuite } from '@/lib/domain/test-runs';
import { count } from '@/lib/format';
import { SUITE_LABEL } from './suite-label';
import type { SuiteFigure } from './test-chart-data';
import { SuiteTrendCard } from './suite-trend-card';
import { coverageAxisFloor, latestPerSuite, rangePassRate } from './test-trend-answers';

const PASS_RATE: SuiteFigure = {
  pick: (point) => (point.passRate === null ? null : point.passRate * 100),
  absent: 'gap',
};
const FLAKY: SuiteFigure = { pick: (point) => point.flakyTests, absent: 'zero' };
const COVERAGE: SuiteFigure = { pick: (point) => point.coveragePct, absent: 'carry' };
const CASES: SuiteFigure = { pick: (point) => point.cases, absent: 'carry' };

/** The Tests page's trends: pass rate, flaky tests, coverage against its threshold, test count. */
export function TestTrends({ metrics, actions }: { metrics: TestMetrics; actions: ReactNode }) {
  const span = CHART_RANGE_LABELS[metrics.range].toLowerCase();
  const per = metrics.grain === 'week' ? 'week' : 'day';
  const pass = rangePassRate(metrics);
  const flakyNow = latestPerSuite(metrics, FLAKY);
  const coverageNow = latestPerSuite(metrics, COVERAGE);
  const casesNow = latestPerSuite(metrics, CASES);
  const threshold = metrics.coverageThresholdPct;
  const coverageFloor = coverageAxisFloor(metrics, COVERAGE, threshold);
  return (
    <section aria-label="Trends" className="mb-6 grid gap-4 lg:grid-cols-2">
      <SuiteTrendCard
        metrics={metrics}
        figure={PASS_RATE}
        title={`Pass rate, ${span}`}
        answer={pass ? `${formatValue('percent', pass.rate * 100)} of ${count(pass.runs)} runs` : undefined}
        unit="percent"
        kind="line"
        actions={actions}
        testId="tests-pass-rate-chart"
      />
      <SuiteTrendCard
        metrics={metrics}
        figure={FLAKY}
        title={`Flaky tests a ${per}, ${span}`}
        answer={`${count(sum(flakyNow))} ${per === 'week' ? 'this week' : 'today'}`}
        unit="count"
        kind="bar"
        stacked
        testId="tests-flaky-chart"
      />
      <SuiteTrendCard
        metrics={metrics}
        figure={COVERAGE}
        title={`Coverage, ${span}`}
        answer={coverageAnswer(coverageNow, threshold, coverageFloor)}
        unit="percent"
        kind="line"
        thresholds={[{ value: threshold, label: `Target ${threshold} %` }]}
        yDomain={[coverageFloor, 100]}
        testId="tests-coverage-chart"
      />
      <SuiteTrendCard
        metrics={metrics}
        figure={CASES}
        title={`Test count, ${span}`}
        answer={casesNow.length > 0 ? `${count(sum(casesNow))} tests` : undefined}
        unit="count"
        kind="line"
        testId="tests-count-chart"
      />
    </section>
  );
}

const sum = (values: readonly [unknown, number][]) =>
  values.reduce((total, [, value]) => total + value, 0);

function coverageAnswer(
  latest: readonly [TestSuite, number][],
  threshold: number,
  floor: number,
): string | undefined {
  if (latest.length === 0) return undefined;
  const values = latest.map(([suite, value]) => `${SUITE_LABEL[suite]} ${formatValue('percent', value)}`);
  const zoom = floor > 0 ? `; axis from ${floor}\u00a0%` : '';
  return `${values.join(', ')} (target ${threshold}\u00a0%${zoom})`;
}
