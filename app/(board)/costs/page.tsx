import type { Metadata } from 'next';
import { NoProject } from '@/components/board/no-project';
import { CostCharts } from '@/components/costs/charts/cost-charts';
import { CostBreakdowns } from '@/components/costs/cost-breakdowns';
import { CostSummary } from '@/components/costs/cost-summary';
import { costsDescription } from '@/components/costs/labels';
import { MonthPicker } from '@/components/costs/month-picker';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getCostSeries } from '@/db/queries/cost-series';
import { getCostOverview, listCostMonths } from '@/db/queries/costs';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { parseChartRange } from '@/lib/domain/chart-range';
import { providersWithLines } from '@/lib/domain/cost-labels';
import type { SearchParams } from '@/lib/domain/search-params';
import { costsPageSchema } from '@/lib/filters/costs';
import { parseSearchParams } from '@/lib/http/query-params';
import { CostLinesSection } from './cost-lines-section';

export const metadata: Metadata = { title: 'Costs' };
export const dynamic = 'force-dynamic';

export default async function CostsPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const searchParams = await props.searchParams;
  const { month, day, week } = parseSearchParams(costsPageSchema, searchParams);
  const range = parseChartRange(searchParams.range);
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Costs" />;
  const now = new Date();
  const budgetUsd = project.monthlyBudgetUsd;
  const [series, overview, months] = await Promise.all([
    getCostSeries(db, project.id, { now, range, budgetUsd }),
    getCostOverview(db, project.id, { now, budgetUsd, month }),
    listCostMonths(db, project.id, { now }),
  ]);
  return (
    <>
      <PageHeader
        title="Costs"
        description={costsDescription(
          providersWithLines([
            ...series.periods.map((period) => period.byProvider),
            ...overview.byProvider.map((row) => ({ [row.provider]: row.amountUsd })),
          ]),
        )}
      />
      <CostCharts series={series} searchParams={searchParams} />
      <CostLinesSection projectId={project.id} day={day} week={week} searchParams={searchParams} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4 border-t border-border pt-6">
        <h2 className="text-base font-semibold">Month detail</h2>
        <MonthPicker
          months={months}
          value={overview.month}
          range={searchParams.range ? range : undefined}
        />
      </div>
      <CostSummary overview={overview} />
      <CostBreakdowns overview={overview} />
    </>
  );
}
