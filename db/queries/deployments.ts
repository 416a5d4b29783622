import 'server-only';
import { and, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import type {
  DeploymentListItem,
  DeploymentSort,
  DeploymentState,
  DeploymentTarget,
} from '@/lib/domain/deployments';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { deployments, environments, pullRequests } from '../schema';
import { afterCursor, type PageRequest } from './keyset';
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
        ? [desc(deployments.buildDurationMs), desc(deployments.id)]
        : [desc(deployments.providerCreatedAt), desc(deployments.id)]),
    )
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) =>
    slowest ? encodeCursor(row.buildDurationMs ?? 0, row.id) : encodeCursor(row.createdAt, row.id),
  );
}
