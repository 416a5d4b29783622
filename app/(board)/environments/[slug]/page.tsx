import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NoProject } from '@/components/board/no-project';
import { DeploymentsTable } from '@/components/deployments/deployments-table';
import { EnvironmentHeader } from '@/components/environments/environment-header';
import {
  CostPanel,
  DatabaseBranch,
  NowServing,
  UptimePanel,
} from '@/components/environments/environment-panels';
import { TestRunsTable } from '@/components/tests/test-runs-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db/client';
import { getEnvironmentPage } from '@/db/queries/environments';
import { getCurrentProject } from '@/db/queries/project';
import { environmentDetailQuerySchema } from '@/lib/filters/environments';
import { parseSearchParams, type SearchParams } from '@/lib/http/query-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await props.params).slug };
}

export default async function EnvironmentPage(props: Props) {
  const [{ slug }, searchParams] = await Promise.all([props.params, props.searchParams]);
  const db = getDb();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Environment" />;
  const page = parseSearchParams(environmentDetailQuerySchema, searchParams);
  const now = new Date();
  const data = await getEnvironmentPage(db, project.id, slug, { now, page });
  if (!data) notFound();
  const { environment, history, testRuns, uptime, cost } = data;
  return (
    <>
      <EnvironmentHeader environment={environment} />
      <div className="mb-6 grid gap-4 lg:grid-cols-4">
        <NowServing environment={environment} now={now} />
        <DatabaseBranch environment={environment} now={now} />
        <UptimePanel uptime={uptime} />
        <CostPanel cost={cost} />
      </div>
      <Card
        title="Deployment history"
        href={`/deployments?environment=${environment.slug}`}
        linkLabel="In Deployments"
        className="mb-6"
        bodyClassName="p-0 [&>div]:rounded-none [&>div]:border-0"
      >
        {history.rows.length > 0 ? (
          <DeploymentsTable rows={history.rows} now={now} />
        ) : (
          <EmptyState title="No deployments yet">
            The first push to <span className="font-mono">{environment.gitBranch}</span> shows here.
          </EmptyState>
        )}
      </Card>
      <Pager
        path={`/environments/${slug}`}
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
