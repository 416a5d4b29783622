import type { Operation } from '@/db/schema';
import type { OperationProgress } from '@/lib/domain/operation-progress';

/** An operation row as the board shows it. */
export function toProgress(
  operation: Operation & { approvals?: OperationProgress['approvals'] },
): OperationProgress {
  return {
    id: operation.id,
    kind: operation.kind,
    state: operation.state,
    step: operation.step,
    error: operation.error,
    reason: operation.reason,
    pinned: operation.after?.pinned === true,
    requestedAt: operation.requestedAt.toISOString(),
    finishedAt: operation.finishedAt?.toISOString() ?? null,
    approvals: (operation.approvals ?? []).map(({ approverLogin, decision, reason }) => ({
      approverLogin,
      decision,
      reason,
    })),
  };
}
