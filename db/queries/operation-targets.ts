import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import {
  type DbBranch,
  dbBranches,
  type Deployment,
  deployments,
  type Environment,
  environments,
  type PullRequest,
  pullRequests,
} from '../schema';

export async function getDeployment(db: Database, id: number): Promise<Deployment | undefined> {
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id));
  return row;
}

export async function getDbBranch(db: Database, id: number | null): Promise<DbBranch | undefined> {
  if (id === null) return undefined;
  const [row] = await db.select().from(dbBranches).where(eq(dbBranches.id, id));
  return row;
}

/** Every deployment recorded for an environment. */
export async function listEnvironmentDeployments(
  db: Database,
  environmentId: number,
): Promise<Deployment[]> {
  return db
    .select()
    .from(deployments)
    .where(eq(deployments.environmentId, environmentId))
    .orderBy(desc(deployments.providerCreatedAt));
}

/** The preview environment of a pull request, deleted ones included (a reopen revives it). */
export async function getPreviewForPullRequest(
  db: Database,
  pullRequest: Pick<PullRequest, 'id' | 'projectId'>,
): Promise<Environment | undefined> {
  const [row] = await db
    .select()
    .from(environments)
    .where(
      and(
        eq(environments.projectId, pullRequest.projectId),
        eq(environments.pullRequestId, pullRequest.id),
        eq(environments.kind, 'preview'),
      ),
    )
    .orderBy(desc(environments.id))
    .limit(1);
  return row;
}

/** Head branches of the project's open pull requests. */
export async function listOpenPullRequestBranches(
  db: Database,
  projectId: number,
): Promise<Set<string>> {
  const rows = await db
    .select({ headBranch: pullRequests.headBranch })
    .from(pullRequests)
    .where(and(eq(pullRequests.projectId, projectId), eq(pullRequests.state, 'open')));
  return new Set(rows.map((row) => row.headBranch));
}
