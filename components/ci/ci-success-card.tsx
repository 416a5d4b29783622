import { ChartCard } from '@/components/charts/chart-card';
import { formatValue } from '@/components/charts/chart-values';
import { CHART_RANGE_LABELS } from '@/lib/domain/chart-range';
import { CI_SUCCESS_TARGET, type CiMetrics, overallSuccessRate } from '@/lib/domain/ci-metrics';
import { SUCCESS_FIELDS, ciSeries, ciTable, ciTimePoints } from './ci-chart-data';
import { CI_EMPTY } from './ci-empty';
import { SuccessRateChart } from './lazy-ci-charts';

const TARGET_PCT = CI_SUCCESS_TARGET * 100;

/** Success rate bars per workflow, red under the target, with the target drawn. */
export function CiSuccessCard({ metrics, height }: { metrics: CiMetrics; height: number }) {
  const title = `Success rate, ${CHART_RANGE_LABELS[metrics.range].toLowerCase()}`;
  const rate = overallSuccessRate(metrics.workflows);
  return (
    <ChartCard
      title={title}
      answer={
        rate === null
          ? undefined
          : `${formatValue('percent', rate * 100)} (target ${TARGET_PCT}\u00a0%)`
      }
      height={height}
      testId="ci-success-chart"
      table={ciTable(
        `${title}: successes over runs that succeeded or failed`,
        metrics,
        SUCCESS_FIELDS,
        'percent',
      )}
      empty={metrics.workflows.length === 0 ? CI_EMPTY : null}
    >
      <SuccessRateChart
        data={ciTimePoints(metrics, SUCCESS_FIELDS)}
        series={ciSeries(metrics, SUCCESS_FIELDS, 'bar')}
        targetPct={TARGET_PCT}
        grain={metrics.grain}
        label={`${title} per workflow`}
      />
    </ChartCard>
  );
}
