import type { Metadata } from 'next';
import Link from 'next/link';
import { NoProject } from '@/components/board/no-project';
import { FailingTests } from '@/components/test-results/failing-tests';
import { SuiteSummaries } from '@/components/test-results/suite-summaries';
import { TestRunFilters } from '@/components/test-results/test-run-filters';
import { TestRunsTable } from '@/components/test-results/test-runs-table';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { listFailingTests, listSuiteSummaries, listTestRuns } from '@/db/queries/tests';
import { requireRole } from '@/lib/auth';
import { testRunsQuerySchema } from '@/lib/filters/test-runs';
import type { SearchParams } from '@/lib/domain/search-params';
import { parseSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Tests' };
export const dynamic = 'force-dynamic';

const WINDOW_DAYS = 30;

export default async function TestsPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Tests" />;
  const { cursor, limit, ...filters } = parseSearchParams(testRunsQuerySchema, searchParams);
  const now = new Date();
  const [suites, failing, page] = await Promise.all([
    listSuiteSummaries(db, project, { now, days: WINDOW_DAYS }),
    listFailingTests(db, project.id, { limit: 20 }),
    listTestRuns(db, project.id, filters, { cursor, limit }),
  ]);
  const filtered = Boolean(filters.suite || filters.status || filters.branch);
  return (
    <>
      <PageHeader
        title="Tests"
        description="Runs of the unit, integration and E2E suites from CI, newest first."
        actions={
          <Link href="/tests/flaky" className="text-sm font-medium text-accent hover:underline">
            Flaky tests →
          </Link>
        }
      />
      <SuiteSummaries suites={suites} days={WINDOW_DAYS} now={now} />
      <FailingTests tests={failing} branch={project.productionBranch} />
      <TestRunFilters searchParams={searchParams} values={filters} />
      <TestRunsTable rows={page.rows} now={now} filtered={filtered} />
      <Pager path="/tests" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
