import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { applyEnvironmentControl } from '@/db/writes/environment-controls';
import type { Environment } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { type PinRequest, pinProblems } from '@/lib/domain/pins';
import { previewPinRefusal } from '@/lib/domain/preview-permissions';
import { previewExpiry } from '@/lib/reconcile/environments';
import { refuseWhileLocked } from './control-lock';
import { isRefusal } from './lock';
import { loadPreview } from './preview';
import { type OperationResult, refuse } from './result';
import { refuseUnlessRole } from './roles';

/** What the audit entry keeps of a pin: who, why and until when (null when not pinned). */
function pinRecord(
  environment: Pick<Environment, 'pinned' | 'pinnedUntil' | 'pinReason' | 'pinnedBy'>,
) {
  if (!environment.pinned) return { pinned: false };
  return {
    pinned: true,
    pinnedUntil: environment.pinnedUntil?.toISOString() ?? null,
    pinReason: environment.pinReason,
    pinnedBy: environment.pinnedBy,
  };
}

/** The checks pin and unpin share: role, a live preview of the project, ownership, the lock. */
async function loadPinnable(db: Database, actor: Actor, environmentId: number, verb: string) {
  const denied = refuseUnlessRole(actor, 'developer', `${verb} a preview`);
  if (denied) return denied;
  const preview = await loadPreview(db, environmentId, `${verb}ned`, actor.projectId);
  if (isRefusal(preview)) return preview;
  const notOwner = previewPinRefusal(actor, preview.pullRequest);
  if (notOwner) return refuse('forbidden', `${notOwner}.`);
  const locked = await refuseWhileLocked(db, preview.environment.id, preview.environment.name);
  return locked ?? preview;
}

/**
 * Keeps a preview past its TTL until `until`, for `reason`: the cleanup leaves it alone and its
 * expiry becomes the pin's end. At most PREVIEW_MAX_PIN_DAYS (`maxDays`) ahead.
 */
export async function pinPreview(
  db: Database,
  actor: Actor,
  input: { environmentId: number } & PinRequest,
  settings: { maxDays: number; now: Date },
): Promise<OperationResult> {
  const preview = await loadPinnable(db, actor, input.environmentId, 'pin');
  if (isRefusal(preview)) return preview;
  const problems = pinProblems(input, settings.now, settings.maxDays);
  if (problems.length > 0) {
    return refuse('invalid_input', problems.map((problem) => problem.message).join(' '));
  }
  const { environment } = preview;
  const pin = {
    pinned: true,
    pinnedUntil: input.until,
    pinReason: input.reason.trim(),
    pinnedBy: actor.login,
  };
  const operation = await applyEnvironmentControl(
    db,
    environment.id,
    { ...pin, expiresAt: input.until },
    {
      ...auditRow(actor, environment, settings.now),
      reason: pin.pinReason,
      before: pinRecord(environment),
      after: pinRecord(pin),
    },
  );
  return { ok: true, operation };
}

/** Lets a pinned preview follow its TTL again, from its last activity. */
export async function unpinPreview(
  db: Database,
  actor: Actor,
  input: { environmentId: number },
  now: Date,
): Promise<OperationResult> {
  const preview = await loadPinnable(db, actor, input.environmentId, 'unpin');
  if (isRefusal(preview)) return preview;
  const { environment, project } = preview;
  if (!environment.pinned) return refuse('invalid_input', `${environment.name} is not pinned.`);
  const unpinned = { pinned: false, pinnedUntil: null, pinReason: null, pinnedBy: null };
  const expiresAt = previewExpiry(
    { ...environment, ...unpinned },
    environment.lastActivityAt,
    project.previewTtlDays,
  );
  const operation = await applyEnvironmentControl(
    db,
    environment.id,
    { ...unpinned, expiresAt },
    {
      ...auditRow(actor, environment, now),
      reason: `Unpinned ${environment.name}`,
      before: pinRecord(environment),
      after: pinRecord(unpinned),
    },
  );
  return { ok: true, operation };
}

function auditRow(actor: Actor, environment: Environment, now: Date) {
  return {
    projectId: actor.projectId,
    environmentId: environment.id,
    kind: 'pin' as const,
    state: 'succeeded' as const,
    idempotencyKey: `pin:${environment.id}:${randomUUID()}`,
    actorId: actor.userId,
    requestedAt: now,
    startedAt: now,
    finishedAt: now,
  };
}
