/**
 * envboard's operations: each one a state machine over an `operations` row (requested →
 * approved → running → succeeded | failed; rejected), one at a time per environment (enforced by
 * the database), with its own role check, an idempotency key, before/after state and the step
 * in flight. Server actions call these; the cron calls cleanup and recoverInterruptedOperations.
 */
export { approve, reject } from './approve';
export { cleanup, type CleanupReport } from './cleanup';
export { PREVIEW_COMMENT_MARKER, renderPreviewComment, updatePreviewComment } from './pr-comment';
export { checkVerdict, promotionGate, type CheckVerdict } from './promotion-gate';
export { executePromotion, PROMOTION_GATE_CONTEXT, requestPromotion } from './promote';
export { previewBranchName, provision } from './provision';
export { provisionAgain } from './provision-again';
export { OPERATION_TIMEOUT_MS, recoverInterruptedOperations, type RecoveryReport } from './recover';
export { deletePreview } from './delete-preview';
export { reseed } from './reseed';
export type {
  OperationResult,
  PreconditionFailure,
  PreconditionName,
  Refusal,
  RefusalCode,
} from './result';
export { rollback } from './rollback';
export { ProcessInterrupted, type StepHooks } from './runner';
export type { OperationClients } from './types';
