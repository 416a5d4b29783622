export const OPERATION_KINDS = [
  'provision',
  'promote',
  'rollback',
  'reseed',
  'delete',
  'cleanup',
  'membership',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export const OPERATION_STATES = [
  'requested',
  'approved',
  'running',
  'succeeded',
  'failed',
  'rejected',
] as const;
export type OperationState = (typeof OPERATION_STATES)[number];
/** A second release manager's answer to a promotion request. */
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** One row of the audit log: who asked for what, on which environment, and how it ended. */
export interface AuditEntry {
  id: number;
  kind: OperationKind;
  state: OperationState;
  actorLogin: string | null;
  actorName: string | null;
  environmentSlug: string | null;
  environmentName: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  error: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}
