import type { Metadata } from 'next';
import { NoProject } from '@/components/board/no-project';
import { RangePicker } from '@/components/charts/range-picker';
import { DoraCards } from '@/components/dora/dora-cards';
import { DoraTrends } from '@/components/dora/dora-trends';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getDoraSummary } from '@/db/queries/dora';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { CHART_RANGE_LABELS, parseChartRange } from '@/lib/domain/chart-range';
import type { SearchParams } from '@/lib/domain/search-params';

export const metadata: Metadata = { title: 'DORA' };
export const dynamic = 'force-dynamic';

export default async function DoraPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const searchParams = await props.searchParams;
  const range = parseChartRange(searchParams.range);
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="DORA" />;
  const summary = await getDoraSummary(db, project.id, { range, now: new Date() });
  return (
    <>
      <PageHeader
        title="DORA"
        description={`How fast and how safely ${project.name} ships to production: the four keys, banded as the State of DevOps report does.`}
        actions={<RangePicker path="/dora" searchParams={searchParams} current={range} />}
      />
      <DoraCards summary={summary} rangeLabel={`Last ${CHART_RANGE_LABELS[range]}`} />
      <DoraTrends summary={summary} />
    </>
  );
}
