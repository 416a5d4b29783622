import { DeploymentsTable } from '@/components/deployments/deployments-table';
import type { DeploymentOperations } from '@/components/operations/deployment-operations';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pager } from '@/components/ui/pager';
import type { DeploymentListItem } from '@/lib/domain/deployments';
import type { SuspectedIncident } from '@/lib/domain/incident-links';
import type { SearchParams } from '@/lib/domain/search-params';
import type { Page } from '@/lib/paging';

/**
 * The environment's deployments, paged in the URL, under its timeline: the rows carry Promote
 * and Roll back to this for members who may.
 */
export function EnvironmentDeployments({
  environment,
  history,
  searchParams,
  now,
  operations,
  suspected,
}: {
  environment: { slug: string; gitBranch: string };
  history: Page<DeploymentListItem>;
  searchParams: SearchParams;
  now: Date;
  operations?: DeploymentOperations;
  suspected?: readonly SuspectedIncident[];
}) {
  return (
    <>
      <Card
        title="Deployment history"
        href={`/deployments?environment=${environment.slug}`}
        linkLabel="In Deployments"
        className="mt-6"
        bodyClassName="p-0 [&>div]:rounded-none [&>div]:border-0"
      >
        {history.rows.length > 0 ? (
          <DeploymentsTable
            rows={history.rows}
            now={now}
            operations={operations}
            suspected={suspected}
          />
        ) : (
          <EmptyState title="No deployments yet">
            The first push to <span className="font-mono">{environment.gitBranch}</span> shows here.
          </EmptyState>
        )}
      </Card>
      <Pager
        path={`/environments/${environment.slug}`}
        searchParams={searchParams}
        nextCursor={history.nextCursor}
        label="Deployment history pages"
      />
    </>
  );
}
