import type { Metadata } from 'next';
import { z } from 'zod';
import { NoProject } from '@/components/board/no-project';
import { CostBreakdowns } from '@/components/costs/cost-breakdowns';
import { CostSummary } from '@/components/costs/cost-summary';
import { MonthPicker } from '@/components/costs/month-picker';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getCostOverview, listCostMonths } from '@/db/queries/costs';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import type { SearchParams } from '@/lib/domain/search-params';
import { parseSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Costs' };
export const dynamic = 'force-dynamic';

const schema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

export default async function CostsPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const { month } = parseSearchParams(schema, await props.searchParams);
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Costs" />;
  const now = new Date();
  const [overview, months] = await Promise.all([
    getCostOverview(db, project.id, { now, budgetUsd: project.monthlyBudgetUsd, month }),
    listCostMonths(db, project.id, { now }),
  ]);
  return (
    <>
      <PageHeader
        title="Costs"
        description="Vercel, Neon, GitHub Actions and monitoring spend against the monthly budget, in USD."
        actions={<MonthPicker months={months} value={overview.month} />}
      />
      <CostSummary overview={overview} />
      <CostBreakdowns overview={overview} />
    </>
  );
}
