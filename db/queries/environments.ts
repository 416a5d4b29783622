import 'server-only';
import { aliasedTable, and, desc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { EnvironmentFilters } from '@/lib/filters/environments';
import type { DeploymentState } from '@/lib/domain/deployments';
import {
  environmentState,
  type EnvironmentCost,
  EnvironmentDetail,
  EnvironmentListItem,
} from '@/lib/domain/environments';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import {
  compiledPerShape,
  compiledStatement,
  type RowOf,
  type ShapeValues,
} from '../compiled-statement';
import { costSamples, dbBranches, deployments, environments, pullRequests } from '../schema';
import { environmentOnBranchColumn } from './environment-on-branch';
import { listDeployments } from './deployments';
import { cursorPlaceholders, givenFilters, pageValues, type PageRequest } from './keyset';
import { getUptimeByEnvironment } from './uptime';

const kindRankSql = sql<number>`(case ${environments.kind} when 'production' then 0 when 'staging' then 1 when 'development' then 2 else 3 end)`;

const currentDeployment = {
  id: deployments.id,
  state: deployments.state,
  source: deployments.source,
  url: deployments.url,
  commitSha: deployments.commitSha,
  commitMessage: deployments.commitMessage,
  commitAuthor: deployments.commitAuthor,
  gitBranch: deployments.gitBranch,
  createdAt: deployments.providerCreatedAt,
  readyAt: deployments.readyAt,
  updatedAt: deployments.providerUpdatedAt,
};

/** The state of the environment's newest deployment: environmentState reads it for a preview. */
const latestDeploymentState = sql<DeploymentState | null>`(
  select ${deployments.state} from ${deployments}
  where ${deployments.environmentId} = ${environments.id}
  order by ${deployments.providerCreatedAt} desc nulls last, ${deployments.id} desc
  limit 1)`;

const listColumns = {
  id: environments.id,
  slug: environments.slug,
  name: environments.name,
  kind: environments.kind,
  kindRank: kindRankSql.mapWith(Number),
  status: environments.status,
  gitBranch: environments.gitBranch,
  url: environments.url,
  pinned: environments.pinned,
  expiresAt: environments.expiresAt,
  lastActivityAt: environments.lastActivityAt,
  deletedAt: environments.deletedAt,
  pullRequest: { number: pullRequests.number, title: pullRequests.title },
  dbBranch: { name: dbBranches.name, neonBranchId: dbBranches.neonBranchId },
  current: currentDeployment,
};

/**
 * Production, staging and development first, then previews newest first; keyset-paged on
 * (kind rank, id) so the cursor is the rank and id of the last row seen.
 */
function afterEnvironment(
  cursor: readonly [Placeholder, Placeholder] | undefined,
): SQL | undefined {
  if (!cursor) return undefined;
  const [rank, id] = cursor;
  return sql`(${kindRankSql} > ${rank} or (${kindRankSql} = ${rank} and ${environments.id} < ${id}))`;
}

interface EnvironmentListInput {
  projectId: number;
  kind?: string;
  /** Given (true) unless deleted environments are listed too. */
  activeOnly?: true;
  cursorValue?: string | number;
  cursorId?: number;
  limit: number;
}

const environmentList = (db: Database, values: ShapeValues<EnvironmentListInput>) =>
  db
    .select({ ...listColumns, latestState: latestDeploymentState })
    .from(environments)
    .leftJoin(pullRequests, eq(pullRequests.id, environments.pullRequestId))
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .leftJoin(deployments, eq(deployments.id, environments.currentDeploymentId))
    .where(
      and(
        eq(environments.projectId, values.projectId),
        values.kind ? eq(environments.kind, values.kind) : undefined,
        values.activeOnly ? eq(environments.status, 'active') : undefined,
        afterEnvironment(cursorPlaceholders(values)),
      ),
    )
    .orderBy(kindRankSql, desc(environments.id))
    .limit(values.limit);
// Built once per combination of filters: the environments page reads it on every request.
const environmentListStatement = compiledPerShape<
  EnvironmentListInput,
  RowOf<typeof environmentList>
>(environmentList);

export async function listEnvironments(
  db: Database,
  projectId: number,
  filters: EnvironmentFilters,
  page: PageRequest,
): Promise<Page<EnvironmentListItem>> {
  const rows = await environmentListStatement(db, {
    projectId,
    ...givenFilters({ kind: filters.kind }),
    activeOnly: filters.deleted ? undefined : true,
    ...pageValues(page, 'number'),
  });
  const items = rows.map(({ latestState, ...row }) => ({
    ...row,
    state: environmentState(row, {
      latest: latestState ? { state: latestState } : null,
      current: row.current,
    }),
  }));
  return toPage(items, page.limit, (row) => encodeCursor(row.kindRank, row.id));
}

const parentBranches = aliasedTable(dbBranches, 'parent_branches');

/** One environment by slug with what it serves now, its pull request and its database branch. */
const environmentDetailQuery = (db: Database) =>
  db
    .select({
      ...listColumns,
      healthUrl: environments.healthUrl,
      pinnedUntil: environments.pinnedUntil,
      pinReason: environments.pinReason,
      pinnedBy: environments.pinnedBy,
      frozenFrom: environments.frozenFrom,
      frozenUntil: environments.frozenUntil,
      freezeReason: environments.freezeReason,
      frozenBy: environments.frozenBy,
      createdAt: environments.createdAt,
      pullRequest: {
        id: pullRequests.id,
        number: pullRequests.number,
        title: pullRequests.title,
        author: pullRequests.author,
        state: pullRequests.state,
        htmlUrl: pullRequests.htmlUrl,
        headBranch: pullRequests.headBranch,
        fromFork: pullRequests.fromFork,
      },
      /** For a preview: the long-lived environment on its branch, which keeps it unprovisioned. */
      environmentOnBranch: environmentOnBranchColumn(
        environments.projectId,
        environments.gitBranch,
      ),
      dbBranch: {
        name: dbBranches.name,
        neonBranchId: dbBranches.neonBranchId,
        state: dbBranches.state,
        protected: dbBranches.protected,
        logicalSizeBytes: dbBranches.logicalSizeBytes,
        computeSeconds: dbBranches.computeSeconds,
        migrationsValidatedAt: dbBranches.migrationsValidatedAt,
        lastResetAt: dbBranches.lastResetAt,
        expiresAt: dbBranches.expiresAt,
        createdAt: dbBranches.providerCreatedAt,
        parentNeonBranchId: dbBranches.parentNeonBranchId,
        parentName: parentBranches.name,
      },
      current: { ...currentDeployment, vercelId: deployments.vercelId },
    })
    .from(environments)
    .leftJoin(pullRequests, eq(pullRequests.id, environments.pullRequestId))
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .leftJoin(parentBranches, eq(parentBranches.neonBranchId, dbBranches.parentNeonBranchId))
    .leftJoin(deployments, eq(deployments.id, environments.currentDeploymentId))
    .where(
      and(
        eq(environments.projectId, sql.placeholder('projectId')),
        eq(environments.slug, sql.placeholder('slug')),
      ),
    )
    .limit(1);
// Every environment page reads it: built once.
const environmentDetail =
  compiledStatement<RowOf<typeof environmentDetailQuery>>(environmentDetailQuery);

export async function getEnvironment(
  db: Database,
  projectId: number,
  slug: string,
): Promise<EnvironmentDetail | undefined> {
  const [row] = await environmentDetail(db, { projectId, slug });
  return row;
}

/** What the environment has cost this calendar month (UTC) and since it was created. */
export async function getEnvironmentCost(
  db: Database,
  environmentId: number,
  { now }: { now: Date },
): Promise<EnvironmentCost> {
  const monthStart = `${now.toISOString().slice(0, 7)}-01`;
  const [row] = await db
    .select({
      monthToDateUsd:
        sql<number>`coalesce(sum(${costSamples.amountUsd}) filter (where ${costSamples.day} >= ${monthStart}), 0)`.mapWith(
          Number,
        ),
      lifetimeUsd: sql<number>`coalesce(sum(${costSamples.amountUsd}), 0)`.mapWith(Number),
    })
    .from(costSamples)
    .where(
      and(
        eq(costSamples.environmentId, environmentId),
        sql`${costSamples.day} <= ${now.toISOString().slice(0, 10)}`,
      ),
    );
  return { monthToDateUsd: row?.monthToDateUsd ?? 0, lifetimeUsd: row?.lifetimeUsd ?? 0 };
}

/**
 * Everything the environment page shows, read in parallel once the environment is known:
 * its deployment history page, latest test runs, uptime and cost so far.
 */
export async function getEnvironmentPage(
  db: Database,
  projectId: number,
  slug: string,
  { now, page }: { now: Date; page: PageRequest },
) {
  const environment = await getEnvironment(db, projectId, slug);
  if (!environment) return undefined;
  const [history, uptime, cost] = await Promise.all([
    listDeployments(db, projectId, { environment: slug }, page),
    environment.status === 'active'
      ? getUptimeByEnvironment(db, projectId, { now, environmentId: environment.id }).then(
          ([row]) => row ?? null,
        )
      : null,
    getEnvironmentCost(db, environment.id, { now }),
  ]);
  return { environment, history, uptime, cost };
}
