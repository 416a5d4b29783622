import 'server-only';
import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import type {
  DeploymentListItem,
  DeploymentSort,
  DeploymentState,
  DeploymentTarget,
} from '@/lib/domain/deployments';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { deployments, environments, pullRequests } from '../schema';
import { afterCursor, descNullsLast, type PageRequest } from './keyset';
import { environmentIdBySlug } from './filter-options';

export interface DeploymentFilters {
  /** Environment slug. */
  environment?: string;
  target?: DeploymentTarget;
  state?: DeploymentState;
  branch?: string;
  author?: string;
  /** Newest first (default), or slowest builds first (only deployments that finished a build). */
  sort?: DeploymentSort;
}

/** Every filter and both sorts have a (project, …) index; pages are keyset cursors. */
export async function listDeployments(
  db: Database,
  projectId: number,
  filters: DeploymentFilters,
  page: PageRequest,
): Promise<Page<DeploymentListItem>> {
  const slowest = filters.sort === 'slowest';
  const conditions: (SQL | undefined)[] = [
    eq(deployments.projectId, projectId),
    // A subquery rather than a looked-up constant: with a constant the planner trusts its
    // per-environment row estimate and, for "slowest", walks the project-wide duration order
    // through an environment with few finished builds; the subquery's generic estimate picks the
    // environment's own index. An unknown slug matches nothing.
    filters.environment
      ? eq(deployments.environmentId, environmentIdBySlug(db, projectId, filters.environment))
      : undefined,
    filters.target ? eq(deployments.target, filters.target) : undefined,
    filters.state ? eq(deployments.state, filters.state) : undefined,
    filters.branch ? eq(deployments.gitBranch, filters.branch) : undefined,
    filters.author ? eq(deployments.commitAuthor, filters.author) : undefined,
    slowest
      ? and(
          isNotNull(deployments.buildDurationMs),
          afterCursor(deployments.buildDurationMs, deployments.id, page.cursor, 'number'),
        )
      : afterCursor(deployments.providerCreatedAt, deployments.id, page.cursor, 'timestamp'),
  ];
  const rows = await db
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
      buildDurationMs: deployments.buildDurationMs,
      pullRequestNumber: pullRequests.number,
    })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .leftJoin(pullRequests, eq(pullRequests.id, deployments.pullRequestId))
    .where(and(...conditions))
    .orderBy(
      ...(slowest
        ? [descNullsLast(deployments.buildDurationMs), descNullsLast(deployments.id)]
        : [descNullsLast(deployments.providerCreatedAt), descNullsLast(deployments.id)]),
    )
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) =>
    slowest ? encodeCursor(row.buildDurationMs ?? 0, row.id) : encodeCursor(row.createdAt, row.id),
  );
}
