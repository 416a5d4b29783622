import { z } from 'zod';
import type { Database } from '@/db/client';
import { getOperation } from '@/db/queries/operation-records';
import type { Operation } from '@/db/schema';
import { decideApproval } from '@/db/writes/operations';
import { expireIfOverdue } from './expire-requests';
import { id, parseInput, reason } from './input';
import { executePromotion } from './promote';
import { recoverySettingsFromEnv } from './recovery-settings';
import { type OperationResult, type Refusal, refuse } from './result';
import { refuseUnlessRole } from './roles';
import type { Actor } from '@/lib/domain/actor';
import { nowOf, type OperationClients } from './types';

const decisionInput = z.object({ operationId: id, reason });

/**
 * A second release manager approves a requested promotion, which then runs at once. The
 * requester cannot approve their own request. Only one decision wins: the move out of
 * `requested` is conditional, so a concurrent approve or reject gets a clear refusal.
 */
export async function approve(
  db: Database,
  clients: OperationClients,
  actor: Actor,
  input: z.input<typeof decisionInput>,
): Promise<OperationResult> {
  const decided = await decide(db, clients, actor, input, 'approved');
  if (!decided.ok) return decided;
  return executePromotion(db, clients, decided.operation);
}

/** A second release manager turns a requested promotion down; it ends `rejected`. */
export async function reject(
  db: Database,
  clients: OperationClients,
  actor: Actor,
  input: z.input<typeof decisionInput>,
): Promise<OperationResult> {
  return decide(db, clients, actor, input, 'rejected');
}

async function decide(
  db: Database,
  clients: OperationClients,
  actor: Actor,
  input: z.input<typeof decisionInput>,
  decision: 'approved' | 'rejected',
): Promise<OperationResult> {
  const verb = decision === 'approved' ? 'approve' : 'reject';
  const denied = refuseUnlessRole(actor, 'release_manager', `${verb} a promotion`);
  if (denied) return denied;
  // An approval is a second person's judgement: a token (a script) can never give it.
  if (actor.tokenId !== undefined) {
    return refuse('forbidden', `An API token cannot ${verb} a promotion; a release manager must.`);
  }
  const parsed = parseInput(decisionInput, input);
  if (!parsed.ok) return parsed;
  const { operationId } = parsed.data;

  const operation = await getOperation(db, operationId);
  if (!operation || operation.projectId !== actor.projectId) {
    return refuse('not_found', 'That promotion request does not exist.');
  }
  if (operation.state !== 'requested') return notWaiting(operation);
  const now = nowOf(clients);
  const { promotionRequestTtlMs } = recoverySettingsFromEnv();
  const expired = await expireIfOverdue(db, operation, now, promotionRequestTtlMs);
  if (expired) return notWaiting(expired);
  if (operation.actorId === actor.userId) {
    return refuse(
      'self_approval',
      `You requested this promotion; another release manager must ${verb} it.`,
      { operation },
    );
  }
  const moved = await decideApproval(
    db,
    { operationId, approverId: actor.userId, decision, reason: parsed.data.reason, createdAt: now },
    decision === 'approved'
      ? { state: 'approved' }
      : { state: 'rejected', finishedAt: now, error: `rejected: ${parsed.data.reason}` },
  );
  if (!moved) {
    return refuse('not_awaiting_approval', 'Someone else decided this promotion just now.');
  }
  return { ok: true, operation: moved };
}

/** Why a decision comes too late: the request expired (the audit says so), or was decided. */
function notWaiting(operation: Operation): Refusal {
  const message = operation.error?.startsWith('expired:')
    ? `This promotion request ${operation.error}; request the promotion again.`
    : `This promotion is ${operation.state}, not waiting for approval.`;
  return refuse('not_awaiting_approval', message, { operation });
}
