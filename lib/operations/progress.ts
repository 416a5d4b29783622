import type { Operation } from '@/db/schema';

/**
 * What the board shows of one operation while it runs and after: its state, the step in flight
 * and how it ended. Plain data, so a server action and GET /api/v1/operations/[id] hand the
 * browser the same shape.
 */
export interface OperationProgress {
  id: number;
  kind: Operation['kind'];
  state: Operation['state'];
  step: string | null;
  error: string | null;
  reason: string | null;
  /** True once a rollback pinned production to its deployment (recorded in `after`). */
  pinned: boolean;
  requestedAt: string;
  finishedAt: string | null;
  approvals: { approverLogin: string; decision: 'approved' | 'rejected'; reason: string }[];
}

/** States an operation never leaves. */
export const FINISHED_STATES: readonly Operation['state'][] = ['succeeded', 'failed', 'rejected'];

export function isFinished(state: Operation['state']): boolean {
  return FINISHED_STATES.includes(state);
}

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
