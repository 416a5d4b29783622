import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { environmentOnBranchColumn } from './environment-on-branch';
import {
  type DbBranch,
  dbBranches,
  type Deployment,
  deployments,
  type Environment,
  environments,
  type Project,
  projects,
  type PullRequest,
  pullRequests,
} from '../schema';

/** An environment with its project, pull request and database branch, as an operation needs them. */
export interface EnvironmentContext {
  environment: Environment;
  project: Project;
  pullRequest: PullRequest | null;
  /** The environment's database branch, whatever its state. */
  dbBranch: DbBranch | null;
  /** The long-lived environment that builds the same branch, which no preview may touch. */
  environmentOnBranch: string | null;
}

/** A deployment with its environment's context. */
export interface DeploymentContext extends Omit<EnvironmentContext, 'dbBranch'> {
  deployment: Deployment;
  dbBranch: DbBranch | undefined;
}

const contextColumns = {
  environment: environments,
  project: projects,
  pullRequest: pullRequests,
  dbBranch: dbBranches,
  environmentOnBranch: environmentOnBranchColumn(environments.projectId, environments.gitBranch),
};

/** The one query behind both contexts: environments with what an operation reads beside them. */
function selectContexts<Extra extends SelectedFields>(db: Database, extra: Extra) {
  return db
    .select({ ...contextColumns, ...extra })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .leftJoin(pullRequests, eq(pullRequests.id, environments.pullRequestId))
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .$dynamic();
}

/** An environment with its project, pull request and database branch. */
export async function getEnvironmentContext(
  db: Database,
  environmentId: number,
): Promise<EnvironmentContext | undefined> {
  return (await getEnvironmentContexts(db, [environmentId])).get(environmentId);
}

/** Many environments with their project, pull request and database branch, in one query. */
export async function getEnvironmentContexts(
  db: Database,
  environmentIds: readonly number[],
): Promise<Map<number, EnvironmentContext>> {
  if (environmentIds.length === 0) return new Map();
  const rows = await selectContexts(db, {}).where(
    inArray(environments.id, [...new Set(environmentIds)]),
  );
  return new Map(rows.map((row) => [row.environment.id, row]));
}

/** A deployment with its project and environment, as an operation needs them. */
export async function getDeploymentContext(
  db: Database,
  deploymentId: number,
): Promise<DeploymentContext | undefined> {
  return (await getDeploymentContexts(db, [deploymentId])).get(deploymentId);
}

/** Many deployments with their environment's context, in one query. */
export async function getDeploymentContexts(
  db: Database,
  deploymentIds: readonly number[],
): Promise<Map<number, DeploymentContext>> {
  if (deploymentIds.length === 0) return new Map();
  const rows = await selectContexts(db, { deployment: deployments })
    .innerJoin(deployments, eq(deployments.environmentId, environments.id))
    .where(inArray(deployments.id, [...new Set(deploymentIds)]));
  return new Map(
    rows.map((row) => [row.deployment.id, { ...row, dbBranch: row.dbBranch ?? undefined }]),
  );
}
