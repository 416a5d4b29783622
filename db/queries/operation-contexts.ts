import 'server-only';
import { eq, inArray } from 'drizzle-orm';
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
  pullRequests,
} from '../schema';

/** A deployment with its project and environment, as an operation needs them. */
export async function getDeploymentContext(
  db: Database,
  deploymentId: number,
): Promise<DeploymentContext | undefined> {
  return (await getDeploymentContexts(db, [deploymentId])).get(deploymentId);
}

export interface DeploymentContext {
  deployment: Deployment;
  environment: Environment;
  project: Project;
  /** The environment's database branch, whatever its state. */
  dbBranch: DbBranch | undefined;
}

/** Many deployments with their project, environment and its database branch, in one query. */
export async function getDeploymentContexts(
  db: Database,
  deploymentIds: readonly number[],
): Promise<Map<number, DeploymentContext>> {
  if (deploymentIds.length === 0) return new Map();
  const rows = await db
    .select({
      deployment: deployments,
      environment: environments,
      project: projects,
      dbBranch: dbBranches,
    })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .where(inArray(deployments.id, [...new Set(deploymentIds)]));
  return new Map(
    rows.map((row) => [row.deployment.id, { ...row, dbBranch: row.dbBranch ?? undefined }]),
  );
}

/** An environment with its project, pull request and database branch. */
export async function getEnvironmentContext(db: Database, environmentId: number) {
  return (await getEnvironmentContexts(db, [environmentId])).get(environmentId);
}

/** Many environments with their project, pull request and database branch, in one query. */
export async function getEnvironmentContexts(db: Database, environmentIds: readonly number[]) {
  const rows =
    environmentIds.length === 0
      ? []
      : await db
          .select({
            environment: environments,
            project: projects,
            pullRequest: pullRequests,
            dbBranch: dbBranches,
            /** The long-lived environment that builds the same branch, which no preview may touch. */
            environmentOnBranch: environmentOnBranchColumn(
              environments.projectId,
              environments.gitBranch,
            ),
          })
          .from(environments)
          .innerJoin(projects, eq(projects.id, environments.projectId))
          .leftJoin(pullRequests, eq(pullRequests.id, environments.pullRequestId))
          .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
          .where(inArray(environments.id, [...new Set(environmentIds)]));
  return new Map(rows.map((row) => [row.environment.id, row]));
}
export type EnvironmentContext = NonNullable<Awaited<ReturnType<typeof getEnvironmentContext>>>;
