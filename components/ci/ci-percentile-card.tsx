import type { ReactNode } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import { TimeSeriesChart } from '@/components/charts/lazy-charts';
import { duration } from '@/lib/format';
import { CHART_RANGE_LABELS } from '@/lib/domain/chart-range';
import { type CiMetrics, weightedMedian } from '@/lib/domain/ci-metrics';
import { type CiField, ciSeries, ciTable, ciTimePoints } from './ci-chart-data';
import { CI_EMPTY } from './ci-empty';

/**
 * p50 and p95 lines per workflow (p95 lighter), for run duration or queue time. The title's
 * answer is the busiest workflow's typical p50 over the range.
 */
export function CiPercentileCard({
  metrics,
  fields,
  subject,
  height,
  actions,
  testId,
}: {
  metrics: CiMetrics;
  fields: readonly CiField[];
  /** "CI duration", "Queue time". */
  subject: string;
  height: number;
  actions?: ReactNode;
  testId: string;
}) {
  const title = `${subject}, ${CHART_RANGE_LABELS[metrics.range].toLowerCase()}`;
  const busiest = metrics.workflows[0];
  const p50 = busiest
    ? weightedMedian(
        busiest.points.map((point) => ({ value: fields[0]!.pick(point), weight: point.runs })),
      )
    : null;
  const answer =
    p50 === null
      ? undefined
      : `p50 ${duration(p50)}${metrics.workflows.length > 1 ? ` (${busiest!.workflow})` : ''}`;
  return (
    <ChartCard
      title={title}
      answer={answer}
      actions={actions}
      height={height}
      testId={testId}
      table={ciTable(`${title}, p50 and p95 per workflow`, metrics, fields, 'duration')}
      empty={metrics.workflows.length === 0 ? CI_EMPTY : null}
    >
      <TimeSeriesChart
        data={ciTimePoints(metrics, fields)}
        series={ciSeries(metrics, fields, 'line')}
        unit="duration"
        grain={metrics.grain}
        partialLast
        label={`${title}: p50 and p95 per workflow`}
      />
    </ChartCard>
  );
}
