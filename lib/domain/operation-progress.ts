import type { ApprovalDecision, OperationKind, OperationState } from './audit';

/**
 * What the board shows of one operation while it runs and after: its state, the step in flight
 * and how it ended. Plain data, so a server action and GET /api/v1/operations/[id] hand the
 * browser the same shape.
 */
export interface OperationProgress {
  id: number;
  kind: OperationKind;
  /** What it acts on, as messages name it: "PR #1292", never a row id (see operationSubject). */
  subject: string;
  state: OperationState;
  step: string | null;
  error: string | null;
  reason: string | null;
  /** True once a rollback pinned production to its deployment (recorded in `after`). */
  pinned: boolean;
  requestedAt: string;
  finishedAt: string | null;
  approvals: { approverLogin: string; decision: ApprovalDecision; reason: string }[];
}

/** States an operation never leaves. */
export const FINISHED_STATES: readonly OperationState[] = ['succeeded', 'failed', 'rejected'];

export function isFinished(state: OperationState): boolean {
  return FINISHED_STATES.includes(state);
}
