import { ChartCard } from '@/components/charts/chart-card';
import { formatValue, shortDay } from '@/components/charts/chart-values';
import { TimeSeriesChart } from '@/components/charts/lazy-charts';
import { PALETTE } from '@/components/charts/palette';
import type { TimePoint, TimeSeries } from '@/components/charts/time-series';
import type { MonthSpend } from '@/lib/domain/cost-series';
import { usd } from '@/lib/format';
import { monthLabel } from '../labels';

const SERIES: TimeSeries[] = [
  { key: 'actual', label: 'Spent', color: PALETTE.sky, kind: 'area' },
  { key: 'forecast', label: 'Forecast', color: PALETTE.sky, kind: 'line', dotted: true },
];

/**
 * "Spend this month — $16.95 of $100": cumulative spend, the forecast continuing to the month's
 * end, the budget and its 75 % marked, and red where the forecast passes the budget.
 */
export function MonthSpendCard({ spend }: { spend: MonthSpend }) {
  const data: TimePoint[] = spend.days.map((day) => ({
    period: day.day,
    actual: day.actualUsd,
    forecast: day.forecastUsd,
  }));
  const empty = spend.lastDay === null && spend.forecastUsd === 0;
  return (
    <ChartCard
      title="Spend this month"
      answer={`${usd(spend.monthToDateUsd)} of ${usd(spend.budgetUsd, { whole: true })}`}
      actions={
        <span className="text-muted">
          {monthLabel(spend.month)} · forecast {usd(spend.forecastUsd)}
        </span>
      }
      testId="chart-month-spend"
      empty={
        empty
          ? {
              title: 'No spend recorded this month yet',
              reason: 'The cost sync records each provider’s usage once a day.',
            }
          : null
      }
      table={{
        caption: `Cumulative spend in ${monthLabel(spend.month)}, then the forecast`,
        columns: [
          { key: 'day', label: 'Day' },
          { key: 'actual', label: 'Spent', numeric: true },
          { key: 'forecast', label: 'Forecast', numeric: true },
        ],
        rows: spend.days.map((day) => ({
          day: shortDay(day.day),
          actual: day.actualUsd === null ? '' : formatValue('usd', day.actualUsd),
          forecast: day.forecastUsd === null ? '' : formatValue('usd', day.forecastUsd),
        })),
      }}
    >
      <TimeSeriesChart
        label={`Cumulative spend in ${monthLabel(spend.month)} against the budget`}
        data={data}
        series={SERIES}
        unit="usd"
        grain="day"
        thresholds={
          spend.budgetUsd > 0
            ? [
                {
                  value: spend.budgetUsd,
                  label: `Budget ${usd(spend.budgetUsd, { whole: true })}`,
                },
                { value: spend.budgetUsd * 0.75, label: '75 %' },
              ]
            : []
        }
        bands={
          spend.overBudgetFrom
            ? [
                {
                  from: spend.overBudgetFrom,
                  to: spend.days.at(-1)!.day,
                  label: 'Over budget',
                  tone: 'bad',
                },
              ]
            : []
        }
      />
    </ChartCard>
  );
}
