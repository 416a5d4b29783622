import type { Metadata } from 'next';
import { NoProject } from '@/components/board/no-project';
import { DeploymentFilters } from '@/components/deployments/deployment-filters';
import { DeploymentsTable } from '@/components/deployments/deployments-table';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db/client';
import { listDeployments } from '@/db/queries/deployments';
import { listDeploymentAuthors, listEnvironmentOptions } from '@/db/queries/filter-options';
import { getCurrentProject } from '@/db/queries/project';
import { deploymentsQuerySchema } from '@/lib/filters/deployments';
import { parseSearchParams, type SearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Deployments' };
export const dynamic = 'force-dynamic';

export default async function DeploymentsPage(props: { searchParams: Promise<SearchParams> }) {
  const searchParams = await props.searchParams;
  const db = getDb();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Deployments" />;
  const { cursor, limit, ...filters } = parseSearchParams(deploymentsQuerySchema, searchParams);
  const [page, environments, authors] = await Promise.all([
    listDeployments(db, project.id, filters, { cursor, limit }),
    listEnvironmentOptions(db, project.id),
    listDeploymentAuthors(db, project.id),
  ]);
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'sort' && value);
  return (
    <>
      <PageHeader
        title="Deployments"
        description="Every Vercel deployment of every environment, newest first."
      />
      <DeploymentFilters values={filters} environments={environments} authors={authors} />
      <DeploymentsTable rows={page.rows} now={new Date()} filtered={filtered} />
      <Pager path="/deployments" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
