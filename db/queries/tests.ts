import 'server-only';
import { and, asc, eq, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type {
  FailingTest,
  FlakyTest,
  SuiteSummary,
  TestRunDetail,
  TestRunListItem,
  TestSuite,
} from '@/lib/domain/test-runs';
import { TEST_SUITES } from '@/lib/domain/test-runs';
import type { TestRunFilters } from '@/lib/filters/test-runs';
import type { Database } from '../client';
import { ciRuns, environments, type Project, pullRequests, testCases, testRuns } from '../schema';
import {
  compiledPerShape,
  compiledStatement,
  type RowOf,
  type ShapeValues,
} from '../compiled-statement';
import {
  afterCursor,
  cursorPlaceholders,
  givenFilters,
  pageValues,
  descNullsLast,
  type PageRequest,
} from './keyset';
import { dateFromMs, rowsOf, timestampParam } from './rows';

const listColumns = {
  id: testRuns.id,
  suite: testRuns.suite,
  status: testRuns.status,
  branch: testRuns.branch,
  commitSha: testRuns.commitSha,
  startedAt: testRuns.startedAt,
  durationMs: testRuns.durationMs,
  total: testRuns.total,
  passed: testRuns.passed,
  failed: testRuns.failed,
  skipped: testRuns.skipped,
  flaky: testRuns.flaky,
  coveragePct: testRuns.coveragePct,
  pullRequestNumber: pullRequests.number,
  environmentSlug: environments.slug,
};

/** Test runs with the PR number and environment slug a list shows beside each. */
export function runsWithLabels(db: Database) {
  return db
    .select(listColumns)
    .from(testRuns)
    .leftJoin(pullRequests, eq(pullRequests.id, testRuns.pullRequestId))
    .leftJoin(environments, eq(environments.id, testRuns.environmentId));
}

interface TestRunListInput extends TestRunFilters {
  projectId: number;
  cursorValue?: string | number;
  cursorId?: number;
  limit: number;
}

const testRunList = (db: Database, values: ShapeValues<TestRunListInput>) =>
  runsWithLabels(db)
    .where(
      and(
        eq(testRuns.projectId, values.projectId),
        values.suite ? eq(testRuns.suite, values.suite) : undefined,
        values.status ? eq(testRuns.status, values.status) : undefined,
        values.branch ? eq(testRuns.branch, values.branch) : undefined,
        afterCursor(testRuns.startedAt, testRuns.id, cursorPlaceholders(values), 'timestamp'),
      ),
    )
    .orderBy(descNullsLast(testRuns.startedAt), descNullsLast(testRuns.id))
    .limit(values.limit);
// Built once per combination of filters: the tests page and the API list runs on every request.
const testRunListStatement = compiledPerShape<TestRunListInput, RowOf<typeof testRunList>>(
  testRunList,
);

/** Newest first, keyset-paged on (started_at, id); each filter has a (project, filter, started_at) index. */
export async function listTestRuns(
  db: Database,
  projectId: number,
  filters: TestRunFilters,
  page: PageRequest,
): Promise<Page<TestRunListItem>> {
  const rows = await testRunListStatement(db, {
    projectId,
    ...givenFilters(filters),
    ...pageValues(page, 'timestamp'),
  });
  return toPage(rows, page.limit, (row) => encodeCursor(row.startedAt, row.id));
}

/** A run with its failed and flaky cases (failed first); passed and skipped cases are not read. */
export async function getTestRun(db: Database, id: number): Promise<TestRunDetail | undefined> {
  const [run] = await db
    .select({
      ...listColumns,
      projectId: testRuns.projectId,
      externalId: testRuns.externalId,
      workflowName: ciRuns.workflowName,
      ciRunUrl: ciRuns.htmlUrl,
    })
    .from(testRuns)
    .leftJoin(pullRequests, eq(pullRequests.id, testRuns.pullRequestId))
    .leftJoin(environments, eq(environments.id, testRuns.environmentId))
    .leftJoin(ciRuns, eq(ciRuns.id, testRuns.ciRunId))
    .where(eq(testRuns.id, id));
  if (!run) return undefined;
  const cases = await db
    .select({
      id: testCases.id,
      file: testCases.file,
      name: testCases.name,
      status: testCases.status,
      durationMs: testCases.durationMs,
      retries: testCases.retries,
      failureMessage: testCases.failureMessage,
    })
    .from(testCases)
    .where(and(eq(testCases.testRunId, id), inArray(testCases.status, ['failed', 'flaky'])))
    .orderBy(
      sql`case ${testCases.status} when 'failed' then 0 else 1 end`,
      asc(testCases.file),
      asc(testCases.name),
    );
  return { ...run, cases };
}

interface FlakyRow {
  suite: TestSuite;
  name: string;
  file: string;
  flaky_runs: number;
  total_runs: number;
  last_flaked_at: number;
  last_flaky_run_id: number;
}

/**
 * Tests ranked by flake rate in the window: flaky occurrences over runs of that test. The
 * candidates come from the partial index on flaky rows; only for those few tests are all runs
 * counted, through the (suite, name) index.
 */
export async function listFlakyTests(
  db: Database,
  projectId: number,
  { now, days, limit }: { now: Date; days: number; limit: number },
): Promise<FlakyTest[]> {
  const since = timestampParam(new Date(now.getTime() - days * 86_400_000));
  const until = timestampParam(now);
  // Every column read from test_cases is in an index (the partial flaky one, then
  // (suite, name, test_run_id)), so neither pass touches the table; only the file of each listed
  // test is read, from one row.
  const result = await db.execute(sql`
    with window_runs as materialized (
      select id, started_at from test_runs
      where project_id = ${projectId} and started_at > ${since} and started_at <= ${until}
    ),
    flaky as (
      select c.suite, c.name, count(*)::int as flaky_runs,
        max(r.started_at) as last_flaked_at,
        (array_agg(r.id order by r.started_at desc, r.id desc))[1] as last_flaky_run_id
      from test_cases c
      join window_runs r on r.id = c.test_run_id
      where c.status = 'flaky'
      group by c.suite, c.name
    ),
    ranked as (
      select f.*, t.total_runs
      from flaky f
      cross join lateral (
        select count(*)::int as total_runs
        from test_cases c
        join window_runs r on r.id = c.test_run_id
        where c.suite = f.suite and c.name = f.name
      ) t
      order by f.flaky_runs::float8 / greatest(t.total_runs, 1) desc, f.flaky_runs desc, f.suite, f.name
      limit ${limit}
    )
    select k.suite, k.name, file.file, k.flaky_runs, k.total_runs,
      (extract(epoch from k.last_flaked_at) * 1000)::float8 as last_flaked_at, k.last_flaky_run_id
    from ranked k
    cross join lateral (
      select c.file from test_cases c
      where c.suite = k.suite and c.name = k.name and c.test_run_id = k.last_flaky_run_id
      limit 1
    ) file
    order by k.flaky_runs::float8 / greatest(k.total_runs, 1) desc, k.flaky_runs desc, k.suite, k.name
  `);
  return rowsOf<FlakyRow>(result).map((row) => ({
    suite: row.suite,
    name: row.name,
    file: row.file,
    flakyRuns: Number(row.flaky_runs),
    totalRuns: Number(row.total_runs),
    flakeRate: Number(row.total_runs) === 0 ? 0 : Number(row.flaky_runs) / Number(row.total_runs),
    lastFlakedAt: dateFromMs(row.last_flaked_at),
    lastFlakyRunId: Number(row.last_flaky_run_id),
  }));
}

/**
 * Failing now: the cases that failed in the latest run of each suite on the project's production
 * branch. A failure on a feature branch is that branch's business, not the board's.
 */
export async function listFailingTests(
  db: Database,
  projectId: number,
  { limit }: { limit: number },
): Promise<FailingTest[]> {
  return failingTests(db, { projectId, limit });
}

// The tests page and the overview read these on every request: built once.
const failingTestsQuery = (db: Database) =>
  db
    .select({
      suite: testCases.suite,
      name: testCases.name,
      file: testCases.file,
      failureMessage: testCases.failureMessage,
      runId: testRuns.id,
      branch: testRuns.branch,
      commitSha: testRuns.commitSha,
      startedAt: testRuns.startedAt,
    })
    .from(testCases)
    .innerJoin(testRuns, eq(testRuns.id, testCases.testRunId))
    .where(
      and(
        sql`${testCases.testRunId} in (${latestRunIds(sql.placeholder('projectId'))})`,
        eq(testCases.status, 'failed'),
      ),
    )
    .orderBy(asc(testCases.suite), asc(testCases.file), asc(testCases.name))
    .limit(sql.placeholder('limit'));
const failingTests = compiledStatement<RowOf<typeof failingTestsQuery>>(failingTestsQuery);

/**
 * The production branch's newest run of each suite, as a subquery the callers embed: one index
 * probe per suite, and no round trip of its own.
 */
function latestRunIds(projectId: number | Placeholder): SQL {
  return sql`
    select r.id
    from projects p
    cross join unnest(enum_range(null::test_suite)) as s(suite)
    cross join lateral (
      select t.id from test_runs t
      where t.project_id = p.id and t.suite = s.suite and t.branch = p.production_branch
      order by t.started_at desc nulls last, t.id desc nulls last
      limit 1
    ) r
    where p.id = ${projectId}
  `;
}

const latestSuiteRunsQuery = (db: Database) =>
  runsWithLabels(db).where(sql`${testRuns.id} in (${latestRunIds(sql.placeholder('projectId'))})`);
const latestSuiteRuns = compiledStatement<RowOf<typeof latestSuiteRunsQuery>>(latestSuiteRunsQuery);

const suiteRunCountsQuery = (db: Database) =>
  db
    .select({
      suite: testRuns.suite,
      runs: sql<number>`count(*)::int`,
      failed: sql<number>`(count(*) filter (where ${testRuns.status} = 'failed'))::int`,
    })
    .from(testRuns)
    .where(
      and(
        eq(testRuns.projectId, sql.placeholder('projectId')),
        eq(testRuns.branch, sql.placeholder('branch')),
        // ISO text cast here: a timestamp every driver binds the same way (as timestampParam).
        sql`${testRuns.startedAt} > ${sql.placeholder('since')}::timestamptz`,
        sql`${testRuns.startedAt} <= ${sql.placeholder('until')}::timestamptz`,
      ),
    )
    .groupBy(testRuns.suite);
const suiteRunCounts = compiledStatement<RowOf<typeof suiteRunCountsQuery>>(suiteRunCountsQuery);

/** Per suite: the production branch's latest run (with coverage) and its pass record in the window. */
export async function listSuiteSummaries(
  db: Database,
  project: Pick<Project, 'id' | 'productionBranch'>,
  { now, days }: { now: Date; days: number },
): Promise<SuiteSummary[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [latest, counts] = await Promise.all([
    latestSuiteRuns(db, { projectId: project.id }),
    suiteRunCounts(db, {
      projectId: project.id,
      branch: project.productionBranch,
      since: since.toISOString(),
      until: now.toISOString(),
    }),
  ]);
  return TEST_SUITES.map((suite) => {
    const count = counts.find((row) => row.suite === suite);
    return {
      suite,
      branch: project.productionBranch,
      latestRun: latest.find((run) => run.suite === suite) ?? null,
      runsInWindow: count?.runs ?? 0,
      failedRunsInWindow: count?.failed ?? 0,
    };
  });
}
