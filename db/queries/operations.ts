import 'server-only';
import { and, asc, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Database } from '../client';
import {
  approvals,
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
): Promise<{ deployment: Deployment; environment: Environment; project: Project } | undefined> {
  const [row] = await db
    .select({ deployment: deployments, environment: environments, project: projects })
    .from(deployments)
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .innerJoin(projects, eq(projects.id, deployments.projectId))
    .where(eq(deployments.id, deploymentId));
  return row;
}

export async function getDeployment(db: Database, id: number): Promise<Deployment | undefined> {
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id));
  return row;
}

/** The project's active production environment. */
export async function getProductionEnvironment(
  db: Database,
  projectId: number,
): Promise<Environment | undefined> {
  const [row] = await db
    .select()
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, 'production'),
        eq(environments.status, 'active'),
      ),
    )
    .orderBy(asc(environments.id))
    .limit(1);
  return row;
}

export async function getDbBranch(db: Database, id: number | null): Promise<DbBranch | undefined> {
  if (id === null) return undefined;
  const [row] = await db.select().from(dbBranches).where(eq(dbBranches.id, id));
  return row;
}

/** CI runs and test reports of a commit, limited to the names a gate asks about. */
export async function getCheckResults(
  db: Database,
  projectId: number,
  commitSha: string,
  names: readonly string[],
) {
  if (names.length === 0) return { ciRuns: [], testRuns: [] };
  const suites = names.filter((name): name is 'unit' | 'integration' | 'e2e' =>
    ['unit', 'integration', 'e2e'].includes(name),
  );
  const [runs, reports] = await Promise.all([
    db
      .select({
        workflowName: ciRuns.workflowName,
        status: ciRuns.status,
        conclusion: ciRuns.conclusion,
        runAttempt: ciRuns.runAttempt,
        providerCreatedAt: ciRuns.providerCreatedAt,
      })
      .from(ciRuns)
      .where(
        and(
          eq(ciRuns.projectId, projectId),
          eq(ciRuns.headSha, commitSha),
          inArray(ciRuns.workflowName, [...names]),
        ),
      ),
    suites.length === 0
      ? Promise.resolve([])
      : db
          .select({ suite: testRuns.suite, status: testRuns.status, startedAt: testRuns.startedAt })
          .from(testRuns)
          .where(
            and(
              eq(testRuns.projectId, projectId),
              eq(testRuns.commitSha, commitSha),
              inArray(testRuns.suite, suites),
            ),
          ),
  ]);
  return { ciRuns: runs, testRuns: reports };
}

/** An environment with its project, pull request and database branch. */
export async function getEnvironmentContext(db: Database, environmentId: number) {
  const [row] = await db
    .select({
      environment: environments,
      project: projects,
      pullRequest: pullRequests,
      dbBranch: dbBranches,
    })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .leftJoin(pullRequests, eq(pullRequests.id, environments.pullRequestId))
    .leftJoin(dbBranches, eq(dbBranches.id, environments.dbBranchId))
    .where(eq(environments.id, environmentId));
  return row;
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
