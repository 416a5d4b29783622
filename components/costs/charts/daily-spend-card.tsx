import { ChartCard } from '@/components/charts/chart-card';
import { formatValue, shortDay } from '@/components/charts/chart-values';
import { TimeSeriesChart } from '@/components/charts/lazy-charts';
import { PROVIDER_COLORS } from '@/components/charts/palette';
import { RangePicker } from '@/components/charts/range-picker';
import type { PeriodMarker, TimePoint, TimeSeries } from '@/components/charts/time-series';
import { hrefWith } from '@/components/ui/href';
import { CHART_RANGE_LABELS, weekStart } from '@/lib/domain/chart-range';
import type { CostSeries } from '@/lib/domain/cost-series';
import { COST_PROVIDERS } from '@/lib/domain/costs';
import type { SearchParams } from '@/lib/domain/search-params';
import { usd } from '@/lib/format';
import { PROVIDER_LABEL } from '../labels';
import { anomalyTitle } from './anomaly-title';

/** Where a click on a bar goes: the cost lines of that day (or week) further down the page. */
export function costLinesHref(series: CostSeries, searchParams: SearchParams): string {
  const key = series.grain === 'week' ? 'week' : 'day';
  const base = hrefWith('/costs', searchParams, { day: undefined, week: undefined });
  return `${base}${base.includes('?') ? '&' : '?'}${key}={period}#cost-lines`;
}

/** The markers over anomalous days; a week holding several says each of them. */
export function anomalyMarkers(series: CostSeries): PeriodMarker[] {
  const markers = new Map<string, PeriodMarker>();
  for (const anomaly of series.anomalies) {
    const period = series.grain === 'week' ? weekStart(anomaly.day) : anomaly.day;
    const value = series.periods.find((row) => row.period === period)?.totalUsd ?? 0;
    const why = `${shortDay(anomaly.day)}: ${anomalyTitle(anomaly)}`;
    const marker = markers.get(period);
    markers.set(period, {
      period,
      value,
      label: marker
        ? `${marker.label}\n${why}`
        : series.grain === 'week'
          ? why
          : anomalyTitle(anomaly),
    });
  }
  return [...markers.values()];
}

/** "Daily spend by provider": stacked bars, the budget's daily pace and the anomalous days. */
export function DailySpendCard({
  series,
  searchParams,
}: {
  series: CostSeries;
  searchParams: SearchParams;
}) {
  const weekly = series.grain === 'week';
  const providers = COST_PROVIDERS.filter((provider) =>
    series.periods.some((row) => row.byProvider[provider] > 0),
  );
  const chartSeries: TimeSeries[] = providers.map((provider) => ({
    key: provider,
    label: PROVIDER_LABEL[provider],
    color: PROVIDER_COLORS[provider],
    kind: 'bar',
    stackId: 'spend',
  }));
  const data: TimePoint[] = series.periods.map((row) => ({
    period: row.period,
    ...Object.fromEntries(providers.map((provider) => [provider, row.byProvider[provider]])),
  }));
  const total = series.periods.reduce((sum, row) => sum + row.totalUsd, 0);
  const markers = anomalyMarkers(series);
  const reasons = new Map(markers.map((marker) => [marker.period, marker.label]));
  // Short: the kit labels a threshold in the chart's right margin.
  const paceLabel = `Pace ${usd(series.budgetPaceUsd)}`;
  return (
    <ChartCard
      title={weekly ? 'Weekly spend by provider' : 'Daily spend by provider'}
      answer={`${usd(total)} in ${CHART_RANGE_LABELS[series.range]}`}
      actions={<RangePicker path="/costs" searchParams={searchParams} current={series.range} />}
      testId="chart-daily-spend"
      height={260}
      empty={
        total === 0
          ? {
              title: `No spend recorded in the last ${CHART_RANGE_LABELS[series.range]}`,
              reason: 'The cost sync records each provider’s usage once a day.',
            }
          : null
      }
      table={{
        caption: `Spend per ${weekly ? 'week' : 'day'} by provider`,
        columns: [
          { key: 'period', label: weekly ? 'Week of' : 'Day' },
          ...providers.map((provider) => ({
            key: provider,
            label: PROVIDER_LABEL[provider],
            numeric: true,
          })),
          { key: 'total', label: 'Total', numeric: true },
          { key: 'anomaly', label: 'Anomaly' },
        ],
        rows: series.periods.map((row) => ({
          period: shortDay(row.period),
          ...Object.fromEntries(
            providers.map((provider) => [provider, formatValue('usd', row.byProvider[provider])]),
          ),
          total: formatValue('usd', row.totalUsd),
          anomaly: reasons.get(row.period) ?? '',
        })),
      }}
    >
      <TimeSeriesChart
        label={`Spend per ${weekly ? 'week' : 'day'} by provider, with the budget's pace`}
        data={data}
        series={chartSeries}
        unit="usd"
        grain={series.grain}
        thresholds={
          series.budgetPaceUsd > 0 ? [{ value: series.budgetPaceUsd, label: paceLabel }] : []
        }
        markers={markers}
        partialLast
        periodHref={costLinesHref(series, searchParams)}
      />
    </ChartCard>
  );
}
