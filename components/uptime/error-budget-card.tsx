import { ChartCard } from '@/components/charts/chart-card';
import type { ChartTableData } from '@/components/charts/chart-table';
import { formatValue } from '@/components/charts/chart-values';
import { TimeSeriesChart } from '@/components/charts/lazy-charts';
import { PALETTE } from '@/components/charts/palette';
import type { TimeSeries } from '@/components/charts/time-series';
import { formatBurnRate } from '@/lib/domain/burn-rate';
import { addDays } from '@/lib/domain/chart-range';
import { budgetAxisFloor, type ErrorBudget, PROJECTION_DAYS } from '@/lib/domain/error-budget';
import { count, shortDay } from '@/lib/format';

const SERIES: TimeSeries[] = [
  { key: 'remaining', label: 'Budget left', color: PALETTE.blue, kind: 'area' },
  {
    key: 'projected',
    label: 'At the last day’s burn rate',
    color: PALETTE.blue,
    kind: 'line',
    dotted: true,
  },
];

function answer(budget: ErrorBudget): string {
  if (budget.remaining! <= 0) {
    return `spent, ${formatValue('percent', -budget.remaining! * 100)} over`;
  }
  const left = `${formatValue('percent', budget.remaining! * 100)} left`;
  const rate = budget.burnRate === null ? null : formatBurnRate(budget.burnRate);
  if (!rate || budget.burnRate === 0) return `${left}, nothing spent in the last day`;
  if (budget.exhaustsOn) return `${left}, runs out ${shortDay(budget.exhaustsOn)} at ${rate}`;
  return `${left}, lasts past ${shortDay(addDays(budget.to, PROJECTION_DAYS))} at ${rate}`;
}

/** The 30-day error budget burning down from 100 %, and where the current pace takes it. */
export function ErrorBudgetCard({
  environmentName,
  budget,
}: {
  environmentName: string;
  budget: ErrorBudget;
}) {
  const title = `${environmentName} error budget, 30 days`;
  const table: ChartTableData = {
    caption: `${title}: ${count(budget.failures)} failed of ${count(budget.checks)} checks; the SLO allows ${budget.allowedFailures.toFixed(1)}`,
    columns: [
      { key: 'day', label: 'Day' },
      { key: 'remaining', label: 'Budget left', numeric: true },
      { key: 'projected', label: 'Projected', numeric: true },
    ],
    rows: budget.points.map((point) => ({
      day: shortDay(point.day),
      remaining: point.remainingPct === null ? '' : formatValue('percent', point.remainingPct),
      projected: point.projectedPct === null ? '' : formatValue('percent', point.projectedPct),
    })),
  };
  return (
    <ChartCard
      title={title}
      answer={budget.remaining === null ? undefined : answer(budget)}
      table={table}
      testId="error-budget-chart"
      empty={
        budget.remaining === null
          ? {
              title: `No checks of ${environmentName} in the last 30 days`,
              reason: 'The budget is the failures the SLO allows over the window’s checks.',
            }
          : null
      }
    >
      <TimeSeriesChart
        data={budget.points.map((point) => ({
          period: point.day,
          remaining: point.remainingPct,
          projected: point.projectedPct,
        }))}
        series={
          budget.points.some((point) => point.projectedPct !== null) ? SERIES : SERIES.slice(0, 1)
        }
        unit="percent"
        grain="day"
        thresholds={[{ value: 0, label: 'Spent 0 %' }]}
        yDomain={[budgetAxisFloor(budget.points), 100]}
        label={title}
      />
    </ChartCard>
  );
}
