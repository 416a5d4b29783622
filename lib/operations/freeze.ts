import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { getActiveEnvironmentOfKind } from '@/db/queries/environment-of-kind';
import type { Environment } from '@/db/schema';
import { applyEnvironmentControl } from '@/db/writes/environment-controls';
import type { Actor } from '@/lib/domain/actor';
import { type FreezeRequest, freezePhase, freezeProblems } from '@/lib/domain/freeze';
import { type OperationResult, refuse } from './result';
import { refuseUnlessRole } from './roles';

/*
 * Unlike a pin, a freeze does not wait for production's lock: freezing while a promotion waits
 * for approval is exactly when it matters, and the promotion checks the gate (the freeze
 * included) again before it runs.
 */

/** What the audit entry keeps of a freeze window: from, until, why and who (or none). */
function freezeRecord(
  environment: Pick<Environment, 'frozenFrom' | 'frozenUntil' | 'freezeReason' | 'frozenBy'>,
) {
  if (!environment.frozenUntil) return { frozen: false };
  return {
    frozen: true,
    frozenFrom: environment.frozenFrom?.toISOString() ?? null,
    frozenUntil: environment.frozenUntil.toISOString(),
    freezeReason: environment.freezeReason,
    frozenBy: environment.frozenBy,
  };
}

async function loadProduction(db: Database, actor: Actor, verb: string) {
  const denied = refuseUnlessRole(actor, 'release_manager', `${verb} production`);
  if (denied) return denied;
  const production = await getActiveEnvironmentOfKind(db, actor.projectId, 'production');
  return production ?? refuse('not_found', 'The project has no production environment.');
}

/** Refuses promotions to production from `from` (now, if earlier) until `until`, for `reason`. */
export async function freezeProduction(
  db: Database,
  actor: Actor,
  input: FreezeRequest,
  now: Date,
): Promise<OperationResult> {
  const production = await loadProduction(db, actor, 'freeze');
  if ('ok' in production) return production;
  const problems = freezeProblems(input, now);
  if (problems.length > 0) {
    return refuse('invalid_input', problems.map((problem) => problem.message).join(' '));
  }
  const window = {
    frozenFrom: input.from > now ? input.from : now,
    frozenUntil: input.until,
    freezeReason: input.reason.trim(),
    frozenBy: actor.login,
  };
  const operation = await applyEnvironmentControl(db, production.id, window, {
    ...auditRow(actor, production, now),
    reason: window.freezeReason,
    before: freezeRecord(production),
    after: freezeRecord(window),
  });
  return { ok: true, operation };
}

/** Ends the freeze window (or cancels one not started yet): promotions may go again. */
export async function clearFreeze(db: Database, actor: Actor, now: Date): Promise<OperationResult> {
  const production = await loadProduction(db, actor, 'unfreeze');
  if ('ok' in production) return production;
  if (freezePhase(production, now) === 'none') {
    return refuse('invalid_input', `${production.name} is not frozen.`);
  }
  const cleared = { frozenFrom: null, frozenUntil: null, freezeReason: null, frozenBy: null };
  const operation = await applyEnvironmentControl(db, production.id, cleared, {
    ...auditRow(actor, production, now),
    reason: `Freeze on ${production.name} cleared`,
    before: freezeRecord(production),
    after: freezeRecord(cleared),
  });
  return { ok: true, operation };
}

function auditRow(actor: Actor, production: Environment, now: Date) {
  return {
    projectId: actor.projectId,
    environmentId: production.id,
    kind: 'freeze' as const,
    state: 'succeeded' as const,
    idempotencyKey: `freeze:${production.id}:${randomUUID()}`,
    actorId: actor.userId,
    requestedAt: now,
    startedAt: now,
    finishedAt: now,
  };
}
