import { ChartCard } from '@/components/charts/chart-card';
import { formatValue } from '@/components/charts/chart-values';
import type { MonthlyTotal } from '@/lib/domain/cost-series';
import { usd } from '@/lib/format';
import { MonthlyTotalsChart } from './lazy-cost-charts';
import { shortMonth } from './month-labels';

/** "Monthly totals, 12 months": is the budget right, and which way is spend going? */
export function MonthlyTotalsCard({
  months,
  budgetUsd,
}: {
  months: readonly MonthlyTotal[];
  budgetUsd: number;
}) {
  // Months before the first recorded cost say nothing about the budget.
  const firstSpent = months.findIndex((row) => row.totalUsd > 0);
  const closed = firstSpent < 0 ? [] : months.slice(firstSpent, -1);
  const overBudget = closed.filter((row) => row.totalUsd > budgetUsd).length;
  const budgetLabel = `Budget ${usd(budgetUsd, { whole: true })}`;
  return (
    <ChartCard
      title="Monthly totals, 12 months"
      answer={
        budgetUsd > 0
          ? `${overBudget} of ${closed.length} closed months over budget`
          : `${usd(closed.reduce((sum, row) => sum + row.totalUsd, 0))} in ${closed.length} months`
      }
      testId="chart-monthly-totals"
      empty={
        months.every((row) => row.totalUsd === 0)
          ? {
              title: 'No spend recorded in the last 12 months',
              reason: 'The cost sync records each provider’s usage once a day.',
            }
          : null
      }
      table={{
        caption: 'Spend per month, the current month so far',
        columns: [
          { key: 'month', label: 'Month' },
          { key: 'total', label: 'Spend', numeric: true },
        ],
        rows: months.map((row, index) => ({
          month: `${shortMonth(row.month, true)}${index === months.length - 1 ? ' (so far)' : ''}`,
          total: formatValue('usd', row.totalUsd),
        })),
      }}
    >
      <MonthlyTotalsChart
        months={months}
        budgetUsd={budgetUsd}
        budgetLabel={budgetLabel}
        label="Spend per month over 12 months against the monthly budget"
      />
    </ChartCard>
  );
}
