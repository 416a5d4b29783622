import 'server-only';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '../client';
import { approvals, type Operation, operations, users } from '../schema';

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

export async function getOperationByIdempotencyKey(
  db: Database,
  key: string,
): Promise<Operation | undefined> {
  const [row] = await db.select().from(operations).where(eq(operations.idempotencyKey, key));
  return row;
}
