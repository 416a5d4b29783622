import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../client';
import {
  approvals,
  type DbBranch,
  dbBranches,
  type Deployment,
  deployments,
  environments,
  type NewApproval,
  type NewOperation,
  type Operation,
  operations,
} from '../schema';
import { refreshTouched } from '../rollups/touched';
import { deploymentTouch } from './environments';

/**
 * Writes of the operations engine: the operation row's state machine, its approvals, and what a
 * finished operation changes on environments, deployments and database branches.
 */

type OperationState = Operation['state'];

/**
 * Inserts an operation unless one with the same idempotency key exists, which is returned
 * instead (`created: false`). A second active operation on the same environment violates
 * `operations_one_active_per_environment_uq` and throws: see isActiveOperationConflict.
 */
export async function insertOperation(
  db: Database,
  row: NewOperation,
): Promise<{ operation: Operation; created: boolean }> {
  const [inserted] = await db
    .insert(operations)
    .values(row)
    .onConflictDoNothing({ target: operations.idempotencyKey })
    .returning();
  if (inserted) return { operation: inserted, created: true };
  const [existing] = await db
    .select()
    .from(operations)
    .where(eq(operations.idempotencyKey, row.idempotencyKey));
  return { operation: existing!, created: false };
}

const ACTIVE_INDEX = 'operations_one_active_per_environment_uq';

/** True when an insert failed because the environment already has an operation in flight. */
export function isActiveOperationConflict(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, constraint } = current as Error & { code?: string; constraint?: string };
    if (code === '23505' && (constraint === ACTIVE_INDEX || current.message.includes(ACTIVE_INDEX)))
      return true;
  }
  return false;
}

/**
 * Moves an operation from one of `from` to a new state; undefined when it was no longer in one
 * of them (someone else moved it first), so two approvers cannot both start it.
 */
export async function transitionOperation(
  db: Database,
  id: number,
  from: readonly OperationState[],
  set: Partial<Pick<Operation, 'state' | 'step' | 'error' | 'after' | 'startedAt' | 'finishedAt'>>,
): Promise<Operation | undefined> {
  const [row] = await db
    .update(operations)
    .set(set)
    .where(and(eq(operations.id, id), inArray(operations.state, [...from])))
    .returning();
  return row;
}

/** The step in flight (or just completed) and what the operation has changed so far. */
export async function setOperationStep(
  db: Database,
  id: number,
  step: string,
  after: Record<string, unknown>,
): Promise<void> {
  await db.update(operations).set({ step, after }).where(eq(operations.id, id));
}

/** An approver's decision and the operation's move out of `requested`, in one transaction. */
export async function decideApproval(
  db: Database,
  approval: NewApproval,
  set: Pick<Operation, 'state'> & Partial<Pick<Operation, 'finishedAt' | 'error'>>,
): Promise<Operation | undefined> {
  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(operations)
      .set(set)
      .where(and(eq(operations.id, approval.operationId), eq(operations.state, 'requested')))
      .returning();
    if (!moved) return undefined;
    await tx.insert(approvals).values(approval);
    return moved;
  });
}

/**
 * Production now serves `served`. When Vercel promoted the build in place (same deployment id),
 * that deployment's target becomes production; when it made a new production deployment, that
 * one is recorded in the production environment as a promote of the source build. Either way
 * the served deployment is labelled a promote, and a promote ends a rollback's pin. The served
 * deployment's day has its deployment rollup recomputed in the same transaction.
 */
export async function recordPromotion(
  db: Database,
  input: {
    productionEnvironmentId: number;
    source: Deployment;
    served: { vercelId: string; url: string };
    at: Date;
  },
): Promise<Deployment> {
  const { source, served, at } = input;
  return db.transaction(async (tx) => {
    let current: Deployment;
    if (served.vercelId === source.vercelId) {
      [current] = (await tx
        .update(deployments)
        .set({ target: 'production', source: 'promote', providerUpdatedAt: at })
        .where(eq(deployments.id, source.id))
        .returning()) as [Deployment];
    } else {
      [current] = (await tx
        .insert(deployments)
        .values({
          projectId: source.projectId,
          environmentId: input.productionEnvironmentId,
          vercelId: served.vercelId,
          url: served.url,
          target: 'production',
          state: 'ready',
          source: 'promote',
          sourceDeploymentId: source.id,
          gitBranch: source.gitBranch,
          commitSha: source.commitSha,
          commitMessage: source.commitMessage,
          commitAuthor: source.commitAuthor,
          providerCreatedAt: at,
          readyAt: at,
          providerUpdatedAt: at,
        })
        .onConflictDoUpdate({
          target: deployments.vercelId,
          set: { source: 'promote', providerUpdatedAt: at },
        })
        .returning()) as [Deployment];
    }
    await tx
      .update(environments)
      .set({ currentDeploymentId: current.id, pinned: false, lastActivityAt: at })
      .where(eq(environments.id, input.productionEnvironmentId));
    await refreshTouched(tx, 'deployments', [deploymentTouch(current)]);
    return current;
  });
}

/**
 * Production serves an earlier deployment again and stays pinned to it until the next promote,
 * as Vercel keeps a rolled-back project: new production builds are not served automatically.
 * The target's provider time moves to the rollback's (no rollup reads it): the rollback's own
 * deployment is counted when its Vercel event labels it (setDeploymentSource).
 */
export async function recordRollback(
  db: Database,
  input: { productionEnvironmentId: number; targetDeploymentId: number; at: Date },
): Promise<void> {
  await db
    .update(environments)
    .set({ currentDeploymentId: input.targetDeploymentId, pinned: true, lastActivityAt: input.at })
    .where(eq(environments.id, input.productionEnvironmentId));
  // The target serves again from now (servingSince), as a promotion records its time.
  await db
    .update(deployments)
    .set({
      providerUpdatedAt: sql`greatest(${deployments.providerUpdatedAt}, ${input.at.toISOString()}::timestamptz)`,
    })
    .where(eq(deployments.id, input.targetDeploymentId));
}

/** A preview whose deployments and database branch are gone. */
export async function markEnvironmentDeleted(
  db: Database,
  environmentId: number,
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [environment] = await tx
      .update(environments)
      // A deleted preview has nothing left to expire.
      .set({ status: 'deleted', deletedAt: at, currentDeploymentId: null, expiresAt: null })
      .where(eq(environments.id, environmentId))
      .returning({ dbBranchId: environments.dbBranchId });
    if (environment?.dbBranchId) await markDbBranchDeleted(tx, [environment.dbBranchId], at);
  });
}

export async function markDbBranchDeleted(
  db: Database,
  dbBranchIds: readonly number[],
  at: Date,
): Promise<void> {
  if (dbBranchIds.length === 0) return;
  await db
    .update(dbBranches)
    .set({ state: 'deleted', deletedAt: at, providerUpdatedAt: at })
    .where(inArray(dbBranches.id, [...dbBranchIds]));
}

/** The branch was reset from its parent (or restored to a point in time). */
export async function markDbBranchReset(db: Database, dbBranchId: number, at: Date): Promise<void> {
  await db
    .update(dbBranches)
    .set({ lastResetAt: at, providerUpdatedAt: at })
    .where(eq(dbBranches.id, dbBranchId));
}

export async function setPrCommentId(
  db: Database,
  environmentId: number,
  commentId: number,
): Promise<void> {
  await db
    .update(environments)
    .set({ prCommentId: commentId })
    .where(eq(environments.id, environmentId));
}

/** Links a preview to its database branch and moves its expiry and last activity. */
export async function linkPreviewDbBranch(
  db: Database,
  environmentId: number,
  input: { dbBranchId: number; expiresAt: Date | null; at: Date },
): Promise<void> {
  await db
    .update(environments)
    .set({ dbBranchId: input.dbBranchId, expiresAt: input.expiresAt, lastActivityAt: input.at })
    .where(eq(environments.id, environmentId));
}

/** Branches removed at Neon by their Neon ids (orphans found by cleanup). */
export async function markNeonBranchesDeleted(
  db: Database,
  neonBranchIds: readonly string[],
  at: Date,
): Promise<void> {
  if (neonBranchIds.length === 0) return;
  await db
    .update(dbBranches)
    .set({ state: 'deleted', deletedAt: at, providerUpdatedAt: at })
    .where(inArray(dbBranches.neonBranchId, [...neonBranchIds]));
}

/**
 * Ends operations on an environment still waiting for approval, e.g. a promotion a rollback
 * overtakes; returns their ids. Conditional on `requested`, so one approved meanwhile runs on.
 */
export async function rejectWaitingOperations(
  db: Database,
  environmentId: number,
  error: string,
  at: Date,
): Promise<number[]> {
  const rows = await db
    .update(operations)
    .set({ state: 'rejected', error, finishedAt: at })
    .where(and(eq(operations.environmentId, environmentId), eq(operations.state, 'requested')))
    .returning({ id: operations.id });
  return rows.map((row) => row.id);
}

/**
 * Ends promotion requests that waited for approval since before `requestedBefore` (or one of
 * them, by id) as `rejected` with `error`, which frees production; returns them. Conditional on
 * `requested`, so one approved meanwhile runs on.
 */
export async function expireRequestedPromotions(
  db: Database,
  input: { requestedBefore: Date; at: Date; error: string; operationId?: number },
): Promise<Operation[]> {
  return db
    .update(operations)
    .set({ state: 'rejected', error: input.error, finishedAt: input.at })
    .where(
      and(
        eq(operations.state, 'requested'),
        eq(operations.kind, 'promote'),
        lt(operations.requestedAt, input.requestedBefore),
        input.operationId === undefined ? undefined : eq(operations.id, input.operationId),
      ),
    )
    .returning();
}

/**
 * A database branch's new expiry, as Neon answered a change of it; an older answer than the one
 * stored changes nothing. Returns the row when it was written.
 */
export async function setDbBranchExpiry(
  db: Database,
  dbBranchId: number,
  input: { expiresAt: Date | null; providerUpdatedAt: Date },
): Promise<DbBranch | undefined> {
  const [row] = await db
    .update(dbBranches)
    .set(input)
    .where(
      and(
        eq(dbBranches.id, dbBranchId),
        lte(dbBranches.providerUpdatedAt, input.providerUpdatedAt),
      ),
    )
    .returning();
  return row;
}

/**
 * Operations that have already run, each with the decision on it when it was approved, written
 * as they would have been recorded at the time (the demo's history). An operation whose
 * idempotency key is stored already is left as it is.
 */
export async function recordFinishedOperations(
  db: Database,
  rows: readonly {
    operation: NewOperation;
    approval?: Omit<NewApproval, 'operationId'>;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  const inserted = await db
    .insert(operations)
    .values(rows.map((row) => row.operation))
    .onConflictDoNothing({ target: operations.idempotencyKey })
    .returning({ id: operations.id, idempotencyKey: operations.idempotencyKey });
  const ids = new Map(inserted.map((row) => [row.idempotencyKey, row.id]));
  const decided = rows.flatMap(({ operation, approval }) => {
    const operationId = ids.get(operation.idempotencyKey);
    return approval && operationId !== undefined ? [{ ...approval, operationId }] : [];
  });
  if (decided.length > 0) await db.insert(approvals).values(decided);
}
