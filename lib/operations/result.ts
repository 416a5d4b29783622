import type { Operation } from '@/db/schema';

/** Why an operation was refused or did not finish; the UI shows `message` as a sentence. */
export type RefusalCode =
  | 'forbidden'
  | 'invalid_input'
  | 'not_found'
  | 'preconditions_failed'
  | 'operation_in_progress'
  | 'self_approval'
  | 'not_awaiting_approval'
  | 'not_a_preview'
  | 'preview_deleted'
  | 'idempotency_key_reused'
  | 'failed';

export type PreconditionName =
  | 'deployment_ready'
  | 'deployment_on_staging'
  | 'required_check'
  | 'migrations_validated'
  | 'production_not_frozen'
  | 'production_environment'
  | 'not_already_serving'
  | 'rollback_target'
  | 'database_branch'
  | 'seed_hook_secret';

export interface PreconditionFailure {
  precondition: PreconditionName;
  /** For `required_check`: the check or test-suite name. */
  check?: string;
  message: string;
}

export type OperationResult =
  | { ok: true; operation: Operation }
  | {
      ok: false;
      code: RefusalCode;
      message: string;
      /** Present when the operation row exists: an operation that failed, or the one in the way. */
      operation?: Operation;
      /** Each precondition that does not hold, for `preconditions_failed`. */
      preconditions?: PreconditionFailure[];
    };

export type Refusal = Extract<OperationResult, { ok: false }>;

export function refuse(
  code: RefusalCode,
  message: string,
  extra: Pick<Refusal, 'operation' | 'preconditions'> = {},
): Refusal {
  return { ok: false, code, message, ...extra };
}

export function preconditionsRefusal(failures: PreconditionFailure[]): Refusal {
  const list = failures.map((failure) => failure.message).join('; ');
  return refuse('preconditions_failed', `Preconditions not met: ${list}.`, {
    preconditions: failures,
  });
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
