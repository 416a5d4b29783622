export const OPERATION_KINDS = [
  'provision',
  'promote',
  'rollback',
  'reseed',
  'delete',
  'cleanup',
  'membership',
  'pin',
  'freeze',
  'api_token',
  'alert_channel',
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

/**
 * What an audit entry records: an operation of one of the kinds, or a release manager's decision
 * on a requested promotion, which is an entry of its own so the decider is its actor.
 */
export const AUDIT_ACTIONS = [...OPERATION_KINDS, 'approve', 'reject'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The audit action a decision is recorded as. */
export const DECISION_ACTION = {
  approved: 'approve',
  rejected: 'reject',
} as const satisfies Record<ApprovalDecision, AuditAction>;

/**
 * One row of the audit log: who asked for (or decided) what, on which environment, and how it
 * ended.
 */
export interface AuditEntry {
  /**
   * Unique across the log: an operation's own id, or the negated id of a decision, so that the
   * (time, id) keyset orders both kinds of entry without ties.
   */
  id: number;
  action: AuditAction;
  /** The operation the entry belongs to: itself, or the promotion a decision was on. */
  operationId: number;
  /** The operation's kind (a decision's is the promotion's). */
  kind: OperationKind;
  /** How the operation ended; for a decision, the decision itself. */
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
