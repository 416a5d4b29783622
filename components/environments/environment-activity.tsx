import { DeploymentsTable } from '@/components/deployments/deployments-table';
import type { DeploymentOperations } from '@/components/operations/deployment-operations';
import { TestRunsTable } from '@/components/test-results/test-runs-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pager } from '@/components/ui/pager';
import type { DeploymentListItem } from '@/lib/domain/deployments';
import type { TestRunListItem } from '@/lib/domain/test-runs';
import type { SearchParams } from '@/lib/domain/search-params';
import type { Page } from '@/lib/paging';

/** An environment's deployment history (paged in the URL) and its latest test runs. */
export function EnvironmentActivity({
  environment,
  history,
  testRuns,
  searchParams,
  now,
  operations,
}: {
  environment: { slug: string; gitBranch: string };
  history: Page<DeploymentListItem>;
  testRuns: readonly TestRunListItem[];
  searchParams: SearchParams;
  now: Date;
  /** Promote / roll back on the history's rows, for members who may. */
  operations?: DeploymentOperations;
}) {
  return (
    <>
      <Card
        title="Deployment history"
        href={`/deployments?environment=${environment.slug}`}
        linkLabel="In Deployments"
        bodyClassName="p-0 [&>div]:rounded-none [&>div]:border-0"
      >
        {history.rows.length > 0 ? (
          <DeploymentsTable rows={history.rows} now={now} operations={operations} />
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
      <h2 className="mt-8 mb-3 text-sm font-semibold">Latest test runs</h2>
      {testRuns.length > 0 ? (
        <TestRunsTable rows={testRuns} now={now} />
      ) : (
        <EmptyState title="No test runs for this environment">
          Runs appear when CI reports a test run for its branch or pull request.
        </EmptyState>
      )}
    </>
  );
}
