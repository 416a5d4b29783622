import { suspectedIncidentsOf } from '@/db/queries/incident-links';
import type { Metadata } from 'next';
import { NoProject } from '@/components/board/no-project';
import { DeploymentFilters } from '@/components/deployments/deployment-filters';
import { DeploymentsTable } from '@/components/deployments/deployments-table';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import { listDeployments } from '@/db/queries/deployments';
import { listDeploymentAuthors, listEnvironmentOptions } from '@/db/queries/filter-options';
import { getCurrentProject } from '@/db/queries/project';
import { requireRole } from '@/lib/auth';
import { hasRole } from '@/lib/domain/roles';
import { deploymentsQuerySchema } from '@/lib/filters/deployments';
import type { SearchParams } from '@/lib/domain/search-params';
import { keepOffered, readSearchParams } from '@/lib/http/query-params';
import { deploymentOffers, operationsHolding } from '@/lib/operations/board';
import { OperationBanner } from '@/components/operations/operation-banner';
import { requestPromotionAction, rollbackAction } from '@/app/(board)/actions/release';

export const metadata: Metadata = { title: 'Deployments' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

export default async function DeploymentsPage(props: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('viewer');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Deployments" />;
  // The selects' options first: a value none of them offers is named, not applied.
  const [environments, authors] = await Promise.all([
    listEnvironmentOptions(db, project.id),
    listDeploymentAuthors(db, project.id),
  ]);
  const { values, ignored } = keepOffered(readSearchParams(deploymentsQuerySchema, searchParams), {
    environment: environments.map((environment) => environment.slug),
    author: authors,
  });
  const { cursor, limit, ...filters } = values;
  const page = await listDeployments(db, project.id, filters, { cursor, limit });
  const now = new Date();
  const suspected = await suspectedIncidentsOf(
    db,
    project.id,
    page.rows.map((row) => row.id),
    now,
  );
  // Only members who may promote and roll back get the buttons (the actions check again).
  const operations = hasRole(actor.role, 'release_manager')
    ? {
        ...(await deploymentOffers(db, project, page.rows, now)),
        requestPromotion: requestPromotionAction,
        rollback: rollbackAction,
      }
    : undefined;
  // Promote and roll back wait on production's lock: the banner says so once.
  const held = operations ? await operationsHolding(db, [], { projectId: project.id }) : [];
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'sort' && value);
  return (
    <>
      <PageHeader
        title="Deployments"
        description="Every Vercel deployment of every environment, newest first."
      />
      <OperationBanner held={held} now={now} />
      <DeploymentFilters
        values={filters}
        environments={environments}
        authors={authors}
        ignored={ignored}
      />
      <DeploymentsTable
        rows={page.rows}
        now={now}
        filtered={filtered}
        operations={operations}
        suspected={suspected}
      />
      <Pager path="/deployments" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
