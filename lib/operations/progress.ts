import type { Database } from '@/db/client';
import { operationSubjects } from '@/db/queries/operation-subjects';
import type { Operation } from '@/db/schema';
import type { OperationProgress } from '@/lib/domain/operation-progress';

type OperationWithApprovals = Operation & { approvals?: OperationProgress['approvals'] };

/** An operation row as the board shows it, named by `subject` (see operationSubject). */
export function toProgress(operation: OperationWithApprovals, subject: string): OperationProgress {
  return {
    id: operation.id,
    kind: operation.kind,
    subject,
    state: operation.state,
    step: operation.step,
    error: operation.error,
    reason: operation.reason,
    // A rollback pins production; a preview's pin (kind 'pin') records `pinned` too, but means another thing.
    pinned: operation.kind === 'rollback' && operation.after?.pinned === true,
    requestedAt: operation.requestedAt.toISOString(),
    finishedAt: operation.finishedAt?.toISOString() ?? null,
    approvals: (operation.approvals ?? []).map(({ approverLogin, decision, reason }) => ({
      approverLogin,
      decision,
      reason,
    })),
  };
}

/** Operation rows as the board shows them, each named by what it acts on. */
export async function progressOf(
  db: Database,
  operations: readonly OperationWithApprovals[],
): Promise<OperationProgress[]> {
  const subjects = await operationSubjects(db, operations);
  return operations.map((operation) => toProgress(operation, subjects.get(operation.id)!));
}
