import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { previewExclusion } from '@/lib/domain/preview-exclusion';
import { environmentState } from '@/lib/domain/environments';
import { type PreviewListItem, summarizeSuites, type SuiteResult } from '@/lib/domain/previews';
import { DEFAULT_PREVIEW_COST_WARNING_USD, previewCostView } from '@/lib/domain/preview-cost';
import type { PreviewFilters } from '@/lib/filters/previews';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import {
  compiledPerShape,
  compiledStatement,
  type RowOf,
  type ShapeValues,
} from '../compiled-statement';
import { dbBranches, deployments, environments, pullRequests, testRuns } from '../schema';
import { environmentOnBranchColumn } from './environment-on-branch';
import { getPreviewCosts } from './preview-costs';
import {
  afterCursor,
  cursorPlaceholders,
  givenFilters,
  pageValues,
  descNullsLast,
  type PageRequest,
} from './keyset';

const CLOSED_STATES = ['closed', 'merged'] as const;

function tabStates(tab: PreviewFilters['tab']) {
  return tab === 'open'
    ? eq(pullRequests.state, 'open')
    : inArray(pullRequests.state, CLOSED_STATES);
}

interface PullRequestPageInput extends Omit<PreviewFilters, 'tab'> {
  projectId: number;
  /** Given (true) on the closed tab. */
  closed?: true;
  cursorValue?: string | number;
  cursorId?: number;
  limit: number;
}

const pullRequestPageQuery = (db: Database, values: ShapeValues<PullRequestPageInput>) => {
  const environment = db
    .select({
      id: environments.id,
      slug: environments.slug,
      url: environments.url,
      status: environments.status,
      expiresAt: environments.expiresAt,
      deletedAt: environments.deletedAt,
      dbBranchId: environments.dbBranchId,
      pinned: environments.pinned,
      pinnedUntil: environments.pinnedUntil,
      pinReason: environments.pinReason,
      pinnedBy: environments.pinnedBy,
    })
    .from(environments)
    .where(and(eq(environments.pullRequestId, pullRequests.id), eq(environments.kind, 'preview')))
    .orderBy(desc(environments.id))
    .limit(1)
    .as('preview_environment');
  const latest = db
    .select({
      state: deployments.state,
      url: deployments.url,
      commitSha: deployments.commitSha,
      createdAt: deployments.providerCreatedAt,
    })
    .from(deployments)
    .where(eq(deployments.environmentId, environment.id))
    .orderBy(descNullsLast(deployments.providerCreatedAt), descNullsLast(deployments.id))
    .limit(1)
    .as('latest_deployment');

  return db
    .select({
      pullRequest: {
        id: pullRequests.id,
        number: pullRequests.number,
        title: pullRequests.title,
        author: pullRequests.author,
        headBranch: pullRequests.headBranch,
        fromFork: pullRequests.fromFork,
        htmlUrl: pullRequests.htmlUrl,
        state: pullRequests.state,
        draft: pullRequests.draft,
        openedAt: pullRequests.openedAt,
        closedAt: pullRequests.closedAt,
        mergedAt: pullRequests.mergedAt,
      },
      environment: {
        id: environment.id,
        slug: environment.slug,
        url: environment.url,
        status: environment.status,
        expiresAt: environment.expiresAt,
        deletedAt: environment.deletedAt,
        pinned: environment.pinned,
        pinnedUntil: environment.pinnedUntil,
        pinReason: environment.pinReason,
        pinnedBy: environment.pinnedBy,
      },
      deployment: {
        state: latest.state,
        url: latest.url,
        commitSha: latest.commitSha,
        createdAt: latest.createdAt,
      },
      dbBranch: {
        name: dbBranches.name,
        neonBranchId: dbBranches.neonBranchId,
        state: dbBranches.state,
        expiresAt: dbBranches.expiresAt,
      },
      environmentOnBranch: environmentOnBranchColumn(
        pullRequests.projectId,
        pullRequests.headBranch,
      ),
    })
    .from(pullRequests)
    .leftJoinLateral(environment, sql`true`)
    .leftJoinLateral(latest, sql`true`)
    .leftJoin(dbBranches, eq(dbBranches.id, environment.dbBranchId))
    .where(
      and(
        eq(pullRequests.projectId, values.projectId),
        tabStates(values.closed ? 'closed' : 'open'),
        values.author ? eq(pullRequests.author, values.author) : undefined,
        values.state ? eq(latest.state, values.state) : undefined,
        afterCursor(
          pullRequests.openedAt,
          pullRequests.id,
          cursorPlaceholders(values),
          'timestamp',
        ),
      ),
    )
    .orderBy(desc(pullRequests.openedAt), desc(pullRequests.id))
    .limit(values.limit);
};
// Built once per tab and combination of filters: the previews page reads it on every request.
const pullRequestPageStatement = compiledPerShape<
  PullRequestPageInput,
  RowOf<typeof pullRequestPageQuery>
>(pullRequestPageQuery);

/**
 * One row per pull request (open or closed, by tab), newest first, keyset-paged on
 * (opened_at, id) over the (project, state, opened_at) index. The preview environment and its
 * latest deployment are lateral lookups, one index probe each.
 */
async function pullRequestPage(
  db: Database,
  projectId: number,
  filters: PreviewFilters,
  page: PageRequest,
) {
  const rows = await pullRequestPageStatement(db, {
    projectId,
    closed: filters.tab === 'open' ? undefined : true,
    ...givenFilters({ author: filters.author, state: filters.state }),
    ...pageValues(page, 'timestamp'),
  });
  return toPage(rows, page.limit, (row) =>
    encodeCursor(row.pullRequest.openedAt, row.pullRequest.id),
  );
}

/** The latest run of each suite for each pull request: DISTINCT ON over the pull-request index. */
export async function latestSuiteRuns(db: Database, pullRequestIds: number[]) {
  if (pullRequestIds.length === 0) return new Map<number, SuiteResult[]>();
  const runs = await db
    .selectDistinctOn([testRuns.pullRequestId, testRuns.suite], {
      pullRequestId: testRuns.pullRequestId,
      suite: testRuns.suite,
      runId: testRuns.id,
      status: testRuns.status,
      passed: testRuns.passed,
      failed: testRuns.failed,
      flaky: testRuns.flaky,
      skipped: testRuns.skipped,
      startedAt: testRuns.startedAt,
    })
    .from(testRuns)
    .where(inArray(testRuns.pullRequestId, pullRequestIds))
    .orderBy(testRuns.pullRequestId, testRuns.suite, desc(testRuns.startedAt), desc(testRuns.id));
  const byPullRequest = new Map<number, SuiteResult[]>();
  for (const { pullRequestId, ...run } of runs) {
    if (pullRequestId === null) continue;
    byPullRequest.set(pullRequestId, [...(byPullRequest.get(pullRequestId) ?? []), run]);
  }
  return byPullRequest;
}

/**
 * A page of pull requests with their previews. Each preview's cost is projected to its expiry at
 * `costs.now` and flagged over `costs.thresholdUsd` (the project's previewCostWarningUsd).
 */
export async function listPreviews(
  db: Database,
  projectId: number,
  filters: PreviewFilters,
  page: PageRequest,
  costs: { now: Date; thresholdUsd: number } = {
    now: new Date(),
    thresholdUsd: DEFAULT_PREVIEW_COST_WARNING_USD,
  },
): Promise<Page<PreviewListItem>> {
  const { rows, nextCursor } = await pullRequestPage(db, projectId, filters, page);
  const pullRequestIds = rows.map((row) => row.pullRequest.id);
  const environmentIds = rows.flatMap((row) => (row.environment ? [row.environment.id] : []));
  const [suites, spent] = await Promise.all([
    latestSuiteRuns(db, pullRequestIds),
    getPreviewCosts(db, pullRequestIds, environmentIds, costs.now),
  ]);
  return {
    rows: rows.map(({ environmentOnBranch, ...row }) => ({
      ...row,
      environment: row.environment && {
        ...row.environment,
        state: environmentState(
          { kind: 'preview', status: row.environment.status },
          { latest: row.deployment, current: null },
        ),
      },
      exclusion: previewExclusion(row.pullRequest, environmentOnBranch),
      tests: summarizeSuites(suites.get(row.pullRequest.id) ?? []),
      cost: previewCostView({
        ...(spent.get(row.pullRequest.id) ?? { costSoFarUsd: 0, dailyRateUsd: 0 }),
        now: costs.now,
        // A deleted preview costs nothing more.
        expiresAt: row.environment?.status === 'active' ? row.environment.expiresAt : costs.now,
        thresholdUsd: costs.thresholdUsd,
      }),
    })),
    nextCursor,
  };
}

// The tab labels and the author menu are on every previews page: built once.
const pullRequestCountsQuery = (db: Database) =>
  db
    .select({ state: pullRequests.state, count: sql<number>`count(*)::int`.mapWith(Number) })
    .from(pullRequests)
    .where(eq(pullRequests.projectId, sql.placeholder('projectId')))
    .groupBy(pullRequests.state);
const pullRequestCounts =
  compiledStatement<RowOf<typeof pullRequestCountsQuery>>(pullRequestCountsQuery);

const authorsQuery = (tab: PreviewFilters['tab']) => (db: Database) =>
  db
    .selectDistinct({ author: pullRequests.author })
    .from(pullRequests)
    .where(and(eq(pullRequests.projectId, sql.placeholder('projectId')), tabStates(tab)))
    .orderBy(pullRequests.author);
const openAuthors = compiledStatement<RowOf<ReturnType<typeof authorsQuery>>>(authorsQuery('open'));
const closedAuthors = compiledStatement<RowOf<ReturnType<typeof authorsQuery>>>(
  authorsQuery('closed'),
);

/** How many pull requests each tab holds, for the tab labels. */
export async function countPreviewTabs(db: Database, projectId: number) {
  const rows = await pullRequestCounts(db, { projectId });
  const of = (state: string) => rows.find((row) => row.state === state)?.count ?? 0;
  return { open: of('open'), closed: of('closed') + of('merged') };
}

/** Authors of the tab's pull requests, for the author filter. */
export async function listPreviewAuthors(
  db: Database,
  projectId: number,
  tab: PreviewFilters['tab'],
): Promise<string[]> {
  const rows = await (tab === 'open' ? openAuthors : closedAuthors)(db, { projectId });
  return rows.map((row) => row.author);
}
