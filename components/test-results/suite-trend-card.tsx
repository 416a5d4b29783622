import type { ReactNode } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import type { ChartUnit } from '@/components/charts/chart-values';
import { TimeSeriesChart } from '@/components/charts/lazy-charts';
import type { Threshold, TimeSeries } from '@/components/charts/time-series';
import type { TestMetrics } from '@/lib/domain/test-metrics';
import { drawnSuites, type SuiteFigure, suiteSeries, suiteTable, suiteTimePoints } from './test-chart-data';

const EMPTY = {
  title: 'No test reports in this period',
  reason:
    'Each CI run uploads its JUnit reports (unit, integration, E2E) to envboard; they appear here the day they arrive.',
};

/** One figure per suite over the range: pass rate, flaky tests, coverage or size. */
export function SuiteTrendCard({
  metrics,
  figure,
  title,
  answer,
  unit,
  kind,
  stacked = false,
  thresholds,
  yDomain,
  actions,
  height = 200,
  testId,
}: {
  metrics: TestMetrics;
  figure: SuiteFigure;
  title: string;
  answer?: ReactNode;
  unit: ChartUnit;
  kind: TimeSeries['kind'];
  stacked?: boolean;
  thresholds?: readonly Threshold[];
  /** For coverage, which creeps by tenths: the axis may start above zero (the title says so). */
  yDomain?: [number, number];
  actions?: ReactNode;
  height?: number;
  testId: string;
}) {
  const suites = drawnSuites(metrics, figure);
  const points = suiteTimePoints(metrics, figure);
  return (
    <ChartCard
      title={title}
      answer={answer}
      actions={actions}
      height={height}
      testId={testId}
      table={suiteTable(`${title}, per suite`, metrics, suites, points, unit)}
      empty={suites.length === 0 ? EMPTY : null}
    >
      <TimeSeriesChart
        data={points}
        series={suiteSeries(suites, kind, stacked ? 'suites' : undefined)}
        unit={unit}
        grain={metrics.grain}
        thresholds={thresholds}
        yDomain={yDomain}
        partialLast
        label={`${title}, per suite`}
      />
    </ChartCard>
  );
}
