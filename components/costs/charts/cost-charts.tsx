import type { CostSeries } from '@/lib/domain/cost-series';
import type { SearchParams } from '@/lib/domain/search-params';
import { DailySpendCard } from './daily-spend-card';
import { MonthlyTotalsCard } from './monthly-totals-card';
import { MonthSpendCard } from './month-spend-card';
import { TopCostsCards } from './top-costs-cards';

/** The Costs page's charts: this month against the budget, then the range's spend. */
export function CostCharts({
  series,
  searchParams,
}: {
  series: CostSeries;
  searchParams: SearchParams;
}) {
  return (
    <div className="mb-8 grid gap-4 lg:grid-cols-2" data-testid="cost-charts">
      <MonthSpendCard spend={series.month} />
      <MonthlyTotalsCard months={series.monthly} budgetUsd={series.budgetUsd} />
      <div className="lg:col-span-2">
        <DailySpendCard series={series} searchParams={searchParams} />
      </div>
      <TopCostsCards series={series} />
    </div>
  );
}
