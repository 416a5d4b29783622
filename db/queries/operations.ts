import 'server-only';
import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Database } from '../client';
import { compiledStatement } from '../compiled-statement';
import { environmentOnBranchColumn } from './environment-on-branch';
import { firstCreated, getActiveEnvironmentOfKind, isActiveOfKind } from './environment-of-kind';
import {
  approvals,
  type CiRun,
  ciRuns,
  type DbBranch,
  dbBranches,
  type Deployment,
  deployments,
  type Environment,
  environments,
  type Operation,
  operations,
  type Project,
  projects,
  type PullRequest,
  pullRequests,
  type TestRun,
  testRuns,
  users,
} from '../schema';

/** The states in which an operation holds its environment's lock. */
export const ACTIVE_OPERATION_STATES = ['requested', 'approved', 'running'] as const;

export interface ActiveOperation {
  id: number;
  kind: Operation['kind'];
  state: Operation['state'];
  step: string | null;
  actorLogin: string | null;
  environmentName: string | null;
  requestedAt: Date;
}

const activeColumns = {
  id: operations.id,
  kind: operations.kind,
  state: operations.state,
  step: operations.step,
  actorLogin: users.githubLogin,
  environmentName: environments.name,
  requestedAt: operations.requestedAt,
};

/** The operation holding an environment's lock, if any (the partial unique index allows one). */
export async function getActiveOperation(
  db: Database,
  environmentId: number,
): Promise<ActiveOperation | undefined> {
  const [row] = await db
    .select(activeColumns)
    .from(operations)
    .leftJoin(users, eq(users.id, operations.actorId))
    .leftJoin(environments, eq(environments.id, operations.environmentId))
    .where(
      and(
        eq(operations.environmentId, environmentId),
        inArray(operations.state, [...ACTIVE_OPERATION_STATES]),
      ),
    )
    .limit(1);
  return row;
}

/** The operations holding the locks of many environments, keyed by environment id. */
export async function getActiveOperations(
  db: Database,
  environmentIds: readonly number[],
): Promise<Map<number, ActiveOperation>> {
  if (environmentIds.length === 0) return new Map();
  const rows = await db
    .select({ ...activeColumns, environmentId: operations.environmentId })
    .from(operations)
    .leftJoin(users, eq(users.id, operations.actorId))
    .leftJoin(environments, eq(environments.id, operations.environmentId))
    .where(
      and(
        inArray(operations.environmentId, [...new Set(environmentIds)]),
        inArray(operations.state, [...ACTIVE_OPERATION_STATES]),
      ),
    );
  return new Map(
    rows.flatMap(({ environmentId, ...active }) =>
      environmentId === null ? [] : [[environmentId, active] as const],
    ),
  );
}

/** Operations waiting for a second release manager, oldest first. */
export async function listPendingApprovals(
  db: Database,
  projectId: number,
): Promise<(ActiveOperation & { reason: string | null; actorId: number | null })[]> {
  return db
    .select({ ...activeColumns, reason: operations.reason, actorId: operations.actorId })
    .from(operations)
    .leftJoin(users, eq(users.id, operations.actorId))
    .leftJoin(environments, eq(environments.id, operations.environmentId))
    .where(and(eq(operations.projectId, projectId), eq(operations.state, 'requested')))
    .orderBy(asc(operations.requestedAt), asc(operations.id));
}

export interface OperationApproval {
  approverId: number;
  approverLogin: string;
  decision: 'approved' | 'rejected';
  reason: string;
  decidedAt: Date;
}

/** One operation with its approvals, for progress and the approval dialog. */
export async function getOperation(
  db: Database,
  id: number,
): Promise<(Operation & { approvals: OperationApproval[] }) | undefined> {
  const [operation] = await db.select().from(operations).where(eq(operations.id, id));
  if (!operation) return undefined;
  const decisions = await db
    .select({
      approverId: approvals.approverId,
      approverLogin: users.githubLogin,
      decision: approvals.decision,
      reason: approvals.reason,
      decidedAt: approvals.createdAt,
    })
    .from(approvals)
    .innerJoin(users, eq(users.id, approvals.approverId))
    .where(eq(approvals.operationId, id))
    .orderBy(asc(approvals.createdAt));
  return { ...operation, approvals: decisions };
}

/** Operations still `approved` or `running` that started before `before`: left by a crash. */
export async function listStaleOperations(db: Database, before: Date): Promise<Operation[]> {
  return db
    .select()
    .from(operations)
    .where(
      and(inArray(operations.state, ['approved', 'running']), lt(operations.updatedAt, before)),
    )
    .orderBy(asc(operations.id));
}

/** The last succeeded operation of a kind on an environment, e.g. the promote now live. */
export async function getLastSucceededOperation(
  db: Database,
  environmentId: number,
  kind: Operation['kind'],
): Promise<Operation | undefined> {
  const [row] = await db
    .select()
    .from(operations)
    .where(
      and(
        eq(operations.environmentId, environmentId),
        eq(operations.kind, kind),
        eq(operations.state, 'succeeded'),
      ),
    )
    .orderBy(desc(operations.finishedAt))
    .limit(1);
  return row;
}

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

export async function getDeployment(db: Database, id: number): Promise<Deployment | undefined> {
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id));
  return row;
}

export interface ProductionServing {
  production: Environment | undefined;
  /** The deployment production serves. */
  current: Deployment | undefined;
  /** The operation holding production's lock. */
  holder: ActiveOperation | undefined;
}

const productionServingStatement = compiledStatement<{
  production: Environment;
  current: Deployment | null;
  // Left-joined columns of two tables: drizzle leaves the object with every field null.
  holder: { [Key in keyof Omit<ActiveOperation, 'environmentName'>]: ActiveOperation[Key] | null };
}>((db) =>
  db
    .select({
      production: environments,
      current: deployments,
      holder: {
        id: operations.id,
        kind: operations.kind,
        state: operations.state,
        step: operations.step,
        actorLogin: users.githubLogin,
        requestedAt: operations.requestedAt,
      },
    })
    .from(environments)
    .leftJoin(deployments, eq(deployments.id, environments.currentDeploymentId))
    .leftJoin(
      operations,
      and(
        eq(operations.environmentId, environments.id),
        inArray(operations.state, [...ACTIVE_OPERATION_STATES]),
      ),
    )
    .leftJoin(users, eq(users.id, operations.actorId))
    .where(isActiveOfKind(sql.placeholder('projectId'), 'production'))
    .orderBy(firstCreated)
    .limit(1),
);

/**
 * The project's production environment (getProductionEnvironment's pick), the deployment it
 * serves and the operation holding its lock, in one query. A page asks for it from several
 * offers (promote, roll back, the gate): React keeps one read per request while rendering.
 */
export const getProductionServing = cache(async function getProductionServing(
  db: Database,
  projectId: number,
): Promise<ProductionServing> {
  const [row] = await productionServingStatement(db, { projectId });
  if (!row) return { production: undefined, current: undefined, holder: undefined };
  const { production, current, holder } = row;
  return {
    production,
    current: current ?? undefined,
    holder:
      holder.id === null
        ? undefined
        : ({ ...holder, environmentName: production.name } as ActiveOperation),
  };
});

/** The project's active production environment. */
export function getProductionEnvironment(
  db: Database,
  projectId: number,
): Promise<Environment | undefined> {
  return getActiveEnvironmentOfKind(db, projectId, 'production');
}

export async function getDbBranch(db: Database, id: number | null): Promise<DbBranch | undefined> {
  if (id === null) return undefined;
  const [row] = await db.select().from(dbBranches).where(eq(dbBranches.id, id));
  return row;
}

/** The CI runs and test reports of one commit that a gate asks about. */
export interface CheckResults {
  ciRuns: Pick<
    CiRun,
    'workflowName' | 'status' | 'conclusion' | 'runAttempt' | 'providerCreatedAt'
  >[];
  testRuns: Pick<TestRun, 'suite' | 'status' | 'startedAt'>[];
}

/** The names a test report's suite can take; other check names can only be CI workflows. */
const TEST_SUITES = ['unit', 'integration', 'e2e'] as const;
const isTestSuite = (name: string): name is (typeof TEST_SUITES)[number] =>
  (TEST_SUITES as readonly string[]).includes(name);

/**
 * CI runs and test reports of many commits, limited to the names each gate asks about: one query
 * for the runs and one for the reports, however many commits, grouped by (project, commit).
 * Every run and report of a name is returned (not only the newest) so that the gate alone decides
 * which one counts.
 */
export async function getCheckResultsByCommit(
  db: Database,
  commits: readonly { projectId: number; commitSha: string; names: readonly string[] }[],
): Promise<(projectId: number, commitSha: string) => CheckResults> {
  const key = (projectId: number, commitSha: string) => `${projectId}:${commitSha}`;
  const asked = new Map(commits.map((c) => [key(c.projectId, c.commitSha), new Set(c.names)]));
  const names = [...new Set(commits.flatMap((c) => c.names))];
  const projectIds = [...new Set(commits.map((c) => c.projectId))];
  const shas = [...new Set(commits.map((c) => c.commitSha))];
  const suites = names.filter(isTestSuite);
  const [runs, reports] = await Promise.all([
    names.length === 0
      ? Promise.resolve([])
      : db
          .select({
            projectId: ciRuns.projectId,
            commitSha: ciRuns.headSha,
            workflowName: ciRuns.workflowName,
            status: ciRuns.status,
            conclusion: ciRuns.conclusion,
            runAttempt: ciRuns.runAttempt,
            providerCreatedAt: ciRuns.providerCreatedAt,
          })
          .from(ciRuns)
          .where(
            and(
              inArray(ciRuns.projectId, projectIds),
              inArray(ciRuns.headSha, shas),
              inArray(ciRuns.workflowName, names),
            ),
          ),
    suites.length === 0
      ? Promise.resolve([])
      : db
          .select({
            projectId: testRuns.projectId,
            commitSha: testRuns.commitSha,
            suite: testRuns.suite,
            status: testRuns.status,
            startedAt: testRuns.startedAt,
          })
          .from(testRuns)
          .where(
            and(
              inArray(testRuns.projectId, projectIds),
              inArray(testRuns.commitSha, shas),
              inArray(testRuns.suite, suites),
            ),
          ),
  ]);
  const grouped = new Map<string, CheckResults>();
  const resultsOf = (projectId: number, commitSha: string) => {
    const at = key(projectId, commitSha);
    let results = grouped.get(at);
    if (!results) grouped.set(at, (results = { ciRuns: [], testRuns: [] }));
    return results;
  };
  // The union of names over-fetches across commits; keep each commit to what its gate asked.
  for (const { projectId, commitSha, ...run } of runs) {
    if (asked.get(key(projectId, commitSha))?.has(run.workflowName))
      resultsOf(projectId, commitSha).ciRuns.push(run);
  }
  for (const { projectId, commitSha, ...report } of reports) {
    if (commitSha && asked.get(key(projectId, commitSha))?.has(report.suite))
      resultsOf(projectId, commitSha).testRuns.push(report);
  }
  return (projectId, commitSha) =>
    grouped.get(key(projectId, commitSha)) ?? { ciRuns: [], testRuns: [] };
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

/** Active previews with their pull request, for cleanup. */
export async function listActivePreviews(db: Database, projectId: number) {
  return db
    .select({ environment: environments, pullRequest: pullRequests, dbBranch: dbBranches })
    .from(environments)
    .leftJoin(pullRequests, eq(pullRequests.id, environments.pullRequestId))
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, 'preview'),
        ne(environments.status, 'deleted'),
      ),
    )
    .orderBy(asc(environments.id));
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

export async function getOperationByIdempotencyKey(
  db: Database,
  key: string,
): Promise<Operation | undefined> {
  const [row] = await db.select().from(operations).where(eq(operations.idempotencyKey, key));
  return row;
}
