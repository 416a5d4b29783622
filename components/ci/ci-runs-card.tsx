import { ChartCard } from '@/components/charts/chart-card';
import { TimeSeriesChart } from '@/components/charts/lazy-charts';
import { CHART_RANGE_LABELS } from '@/lib/domain/chart-range';
import type { CiMetrics } from '@/lib/domain/ci-metrics';
import { count } from '@/lib/format';
import { RUNS_FIELDS, ciSeries, ciTable, ciTimePoints } from './ci-chart-data';
import { CI_EMPTY } from './ci-empty';

/** Finished runs per day (or week), stacked by workflow; the answer is the range's average. */
export function CiRunsCard({ metrics, height }: { metrics: CiMetrics; height: number }) {
  const per = metrics.grain === 'week' ? 'week' : 'day';
  const title = `Runs a ${per}, ${CHART_RANGE_LABELS[metrics.range].toLowerCase()}`;
  const total = metrics.workflows
    .flatMap((workflow) => workflow.points)
    .reduce((sum, point) => sum + point.runs, 0);
  const average = total / metrics.periods.length;
  return (
    <ChartCard
      title={title}
      answer={`${average < 10 ? average.toFixed(1) : count(Math.round(average))} a ${per} (${count(total)} runs)`}
      height={height}
      testId="ci-runs-chart"
      table={ciTable(`${title}, per workflow`, metrics, RUNS_FIELDS, 'count')}
      empty={metrics.workflows.length === 0 ? CI_EMPTY : null}
    >
      <TimeSeriesChart
        data={ciTimePoints(metrics, RUNS_FIELDS)}
        series={ciSeries(metrics, RUNS_FIELDS, 'bar', 'runs')}
        unit="count"
        grain={metrics.grain}
        partialLast
        label={`${title}, stacked by workflow`}
      />
    </ChartCard>
  );
}
