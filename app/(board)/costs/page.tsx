import type { Metadata } from 'next';
import { z } from 'zod';
import { NoProject } from '@/components/board/no-project';
import { CostSummary } from '@/components/costs/cost-summary';
import {
  EnvironmentCostTable,
  ProviderCostTable,
  ProviderTotals,
  PullRequestCostTable,
} from '@/components/costs/cost-tables';
import { DailyCostTable } from '@/components/costs/daily-cost-table';
import { MonthPicker } from '@/components/costs/month-picker';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { getCostOverview, listCostMonths } from '@/db/queries/costs';
import { getCurrentProject } from '@/db/queries/project';
import { parseSearchParams, type SearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Costs' };
export const dynamic = 'force-dynamic';

const schema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

export default async function CostsPage(props: { searchParams: Promise<SearchParams> }) {
  const { month } = parseSearchParams(schema, await props.searchParams);
  const db = getDb();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Costs" />;
  const now = new Date();
  const budgetUsd = project.monthlyBudgetUsd;
  const [overview, months] = await Promise.all([
    getCostOverview(db, project.id, { now, budgetUsd, month }),
    listCostMonths(db, project.id, { now }),
  ]);
  const total = overview.monthToDateUsd;
  return (
    <>
      <PageHeader
        title="Costs"
        description="Vercel, Neon, GitHub Actions and monitoring spend against the monthly budget, in USD."
        actions={<MonthPicker months={months} value={overview.month} />}
      />
      <CostSummary overview={overview} />
      {overview.daily.length === 0 ? (
        <EmptyState title="No costs recorded for this month">
          Costs arrive from the daily provider syncs. Pick another month above, or wait for the next
          sync to record today&apos;s usage.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          <section aria-labelledby="by-provider">
            <h2 id="by-provider" className="mb-2 text-sm font-semibold">
              By provider
            </h2>
            <ProviderTotals providers={overview.byProvider} total={total} />
            <ProviderCostTable metrics={overview.byMetric} total={total} />
          </section>
          <section aria-labelledby="by-environment">
            <h2 id="by-environment" className="mb-2 text-sm font-semibold">
              By environment
            </h2>
            <EnvironmentCostTable environments={overview.byEnvironment} total={total} />
          </section>
          <section aria-labelledby="by-pr">
            <h2 id="by-pr" className="mb-2 text-sm font-semibold">
              By pull request (previews)
            </h2>
            <PullRequestCostTable pullRequests={overview.byPullRequest} />
          </section>
          <section aria-labelledby="by-day">
            <h2 id="by-day" className="mb-2 text-sm font-semibold">
              By day
            </h2>
            <DailyCostTable
              days={overview.daily}
              providers={overview.byProvider.map((row) => row.provider)}
            />
          </section>
        </div>
      )}
    </>
  );
}
