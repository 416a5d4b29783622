import type { Database } from '@/db/client';
import { describeHolder, OPERATION_NOUN } from '@/lib/domain/operation-names';
import { getActiveOperation } from '@/db/queries/operation-locks';
import type { NewOperation, Operation } from '@/db/schema';
import { insertOperation, isActiveOperationConflict } from '@/db/writes/operations';
import { type OperationResult, refuse, type Refusal } from './result';

/**
 * Opens an operation and runs it: a refusal (the environment's lock is held, the request key
 * belongs to something else) or a repeated request (the same key: the operation it first made)
 * is the answer without running anything; an operation created now goes to `run`.
 */
export async function startOperation(
  db: Database,
  row: NewOperation,
  environmentName: string,
  run: (operation: Operation) => Promise<OperationResult>,
): Promise<OperationResult> {
  const opened = await openOperation(db, row, environmentName);
  if (isRefusal(opened)) return opened;
  if (!opened.created) return { ok: true, operation: opened.operation };
  return run(opened.operation);
}

/**
 * Opens an operation row, which also takes its environment's lock: the partial unique index
 * `operations_one_active_per_environment_uq` lets only one requested/approved/running operation
 * exist per environment, so concurrent requests are decided by the database. The loser gets a
 * refusal naming the operation in the way, never a 500. The same idempotency key hands back the
 * operation it first created.
 */
async function openOperation(
  db: Database,
  row: NewOperation,
  environmentName: string,
): Promise<{ operation: Operation; created: boolean } | Refusal> {
  try {
    const opened = await insertOperation(db, row);
    if (!opened.created && opened.operation.kind !== row.kind) return keyReused(opened.operation);
    return opened;
  } catch (error) {
    if (!isActiveOperationConflict(error) || row.environmentId == null) throw error;
    const active = await getActiveOperation(db, row.environmentId);
    if (!active) {
      return refuse(
        'operation_in_progress',
        `An operation on ${environmentName} finished just now; try again.`,
      );
    }
    return refuse(
      'operation_in_progress',
      `An operation is already in progress on ${environmentName}: ${describeHolder(active)}.`,
    );
  }
}

/** A repeated request key returns what the first request made, in the actor's project only. */
export function sameRequest(
  operation: Operation,
  kind: Operation['kind'],
  actor: { projectId: number },
): OperationResult {
  if (operation.projectId !== actor.projectId) {
    return refuse('idempotency_key_reused', 'That request key is already in use.');
  }
  if (operation.kind !== kind) return keyReused(operation);
  return { ok: true, operation };
}

const keyReused = (operation: Operation): Refusal =>
  refuse(
    'idempotency_key_reused',
    `That request key already belongs to a ${OPERATION_NOUN[operation.kind]} requested ${operation.requestedAt.toISOString()}.`,
  );

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as Refusal).ok === false;
}
