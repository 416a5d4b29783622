import 'server-only';
import { and, eq, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { type DeploymentListItem, servingSince } from '@/lib/domain/deployments';
import type { DeploymentFilters } from '@/lib/filters/deployments';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { compiledPerShape, type RowOf, type ShapeValues } from '../compiled-statement';
import { deployments, environments, pullRequests } from '../schema';
import {
  afterCursor,
  cursorPlaceholders,
  givenFilters,
  pageValues,
  descNullsLast,
  type PageRequest,
} from './keyset';
import { environmentIdBySlug } from './filter-options';

interface DeploymentListInput extends Omit<DeploymentFilters, 'sort'> {
  projectId: number;
  /** Given (true) for the slowest-builds order. */
  slowest?: true;
  cursorValue?: string | number;
  cursorId?: number;
  limit: number;
}

/**
 * A build promoted to production where it stands (Vercel serves the same deployment) keeps its
 * own environment's row; production's history lists it too, marked promoted.
 */
function promotedInPlaceTo(environmentId: SQL): SQL {
  return sql`(${deployments.source} = 'promote' and ${deployments.target} = 'production' and exists (select 1 from environments as served_by where served_by.id = ${environmentId} and served_by.kind = 'production'))`;
}

const deploymentList = (db: Database, values: ShapeValues<DeploymentListInput>) => {
  const cursor = cursorPlaceholders(values);
  return db
    .select({
      id: deployments.id,
      vercelId: deployments.vercelId,
      url: deployments.url,
      environmentSlug: environments.slug,
      environmentName: environments.name,
      environmentKind: environments.kind,
      target: deployments.target,
      state: deployments.state,
      source: deployments.source,
      gitBranch: deployments.gitBranch,
      commitSha: deployments.commitSha,
      commitMessage: deployments.commitMessage,
      commitAuthor: deployments.commitAuthor,
      errorMessage: deployments.errorMessage,
      createdAt: deployments.providerCreatedAt,
      readyAt: deployments.readyAt,
      updatedAt: deployments.providerUpdatedAt,
      buildDurationMs: deployments.buildDurationMs,
      pullRequestNumber: pullRequests.number,
    })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .leftJoin(pullRequests, eq(pullRequests.id, deployments.pullRequestId))
    .where(
      and(
        eq(deployments.projectId, values.projectId),
        // A subquery rather than a looked-up constant: with a constant the planner trusts its
        // per-environment row estimate and, for "slowest", walks the project-wide duration order
        // through an environment with few finished builds; the subquery's generic estimate picks
        // the environment's own index. An unknown slug matches nothing.
        values.environment
          ? or(
              eq(
                deployments.environmentId,
                environmentIdBySlug(db, values.projectId, values.environment),
              ),
              promotedInPlaceTo(environmentIdBySlug(db, values.projectId, values.environment)),
            )
          : undefined,
        values.target ? eq(deployments.target, values.target) : undefined,
        values.state ? eq(deployments.state, values.state) : undefined,
        values.branch ? eq(deployments.gitBranch, values.branch) : undefined,
        values.author ? eq(deployments.commitAuthor, values.author) : undefined,
        values.slowest
          ? and(
              isNotNull(deployments.buildDurationMs),
              afterCursor(deployments.buildDurationMs, deployments.id, cursor, 'number'),
            )
          : afterCursor(deployments.providerCreatedAt, deployments.id, cursor, 'timestamp'),
      ),
    )
    .orderBy(
      ...(values.slowest
        ? [descNullsLast(deployments.buildDurationMs), descNullsLast(deployments.id)]
        : [descNullsLast(deployments.providerCreatedAt), descNullsLast(deployments.id)]),
    )
    .limit(values.limit);
};
// Built once per combination of filters: the deployments page, an environment's history and the
// rollback choices read it on every request.
const deploymentListStatement = compiledPerShape<DeploymentListInput, RowOf<typeof deploymentList>>(
  deploymentList,
);

/** Every filter and both sorts have a (project, …) index; pages are keyset cursors. */
export async function listDeployments(
  db: Database,
  projectId: number,
  filters: DeploymentFilters,
  page: PageRequest,
): Promise<Page<DeploymentListItem>> {
  const { sort, ...rest } = filters;
  const slowest = sort === 'slowest';
  const rows = await deploymentListStatement(db, {
    projectId,
    ...givenFilters(rest),
    slowest: slowest || undefined,
    ...pageValues(page, slowest ? 'number' : 'timestamp'),
  });
  const items = rows.map(({ updatedAt, ...row }) => ({
    ...row,
    promotedAt: row.source === 'promote' ? servingSince({ ...row, updatedAt }) : null,
  }));
  return toPage(items, page.limit, (row) =>
    slowest ? encodeCursor(row.buildDurationMs ?? 0, row.id) : encodeCursor(row.createdAt, row.id),
  );
}
