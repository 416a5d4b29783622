import type { Metadata } from 'next';
import Link from 'next/link';
import { RangePicker } from '@/components/charts/range-picker';
import { NoProject } from '@/components/board/no-project';
import { FailingTests } from '@/components/test-results/failing-tests';
import { SuiteSummaries } from '@/components/test-results/suite-summaries';
import { TestRunFilters } from '@/components/test-results/test-run-filters';
import { TestRunsTable } from '@/components/test-results/test-runs-table';
import { TestTrends } from '@/components/test-results/test-trends';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { getTestMetrics } from '@/db/queries/test-series';
import { listFailingTests, listSuiteSummaries, listTestRuns } from '@/db/queries/tests';
import { requireRole } from '@/lib/auth';
import { parseChartRange } from '@/lib/domain/chart-range';
import { testRunsQuerySchema } from '@/lib/filters/test-runs';
import type { SearchParams } from '@/lib/domain/search-params';
import { readSearchParams } from '@/lib/http/query-params';

export const metadata: Metadata = { title: 'Tests' };
export const dynamic = 'force-dynamic';

const WINDOW_DAYS = 30;

export default async function TestsPage(props: { searchParams: Promise<SearchParams> }) {
  await requireRole('viewer');
  const searchParams = await props.searchParams;
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <NoProject title="Tests" />;
  const { values, ignored } = readSearchParams(testRunsQuerySchema, searchParams);
  const { cursor, limit, ...filters } = values;
  const range = parseChartRange(searchParams.range);
  const now = new Date();
  const [suites, trends, failing, page] = await Promise.all([
    listSuiteSummaries(db, project, { now, days: WINDOW_DAYS }),
    getTestMetrics(db, project.id, { range, now }),
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
      <TestTrends
        metrics={trends}
        actions={<RangePicker path="/tests" searchParams={searchParams} current={range} />}
      />
      <FailingTests tests={failing} branch={project.productionBranch} />
      <TestRunFilters searchParams={searchParams} values={filters} ignored={ignored} />
      <TestRunsTable rows={page.rows} now={now} filtered={filtered} />
      <Pager path="/tests" searchParams={searchParams} nextCursor={page.nextCursor} />
    </>
  );
}
