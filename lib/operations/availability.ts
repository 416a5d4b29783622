import type { Database } from '@/db/client';
import {
  getActiveOperation,
  getDeployment,
  getDeploymentContext,
  getProductionEnvironment,
} from '@/db/queries/operations';
import { evaluatePromotion } from './gate-facts';
import { isRefusal } from './lock';
import { loadPreview } from './preview';
import { reseedPreconditions } from './reseed';
import { rollbackPreconditions } from './rollback';

/**
 * Whether an operation may start now, read with the engine's own precondition functions so a
 * button is disabled for exactly the reason the operation would refuse. The operations check
 * again when asked: this is for showing, never for deciding.
 */
export type Availability = { allowed: true } | { allowed: false; reason: string };

const allowed: Availability = { allowed: true };
const refused = (reason: string): Availability => ({ allowed: false, reason });

/** Another operation holds the environment's lock, or undefined when it is free. */
async function lockHolder(db: Database, environmentId: number): Promise<string | undefined> {
  const active = await getActiveOperation(db, environmentId);
  if (!active) return undefined;
  const by = active.actorLogin ? ` by ${active.actorLogin}` : ' by envboard';
  return `operation #${active.id} (${active.kind}${by}) is ${active.state} on ${active.environmentName ?? 'this environment'}`;
}

function fromFailures(failures: readonly { message: string }[]): Availability {
  return failures.length === 0 ? allowed : refused(failures.map((f) => f.message).join('; '));
}

/** Promote `deploymentId` to production: the promotion gate, then production's lock. */
export async function promotionAvailability(
  db: Database,
  deploymentId: number,
  now: Date,
): Promise<Availability> {
  const evaluated = await evaluatePromotion(db, deploymentId, now);
  if (!evaluated) return refused(`deployment ${deploymentId} does not exist`);
  const gate = fromFailures(evaluated.failures);
  if (!gate.allowed || !evaluated.production) return gate;
  const held = await lockHolder(db, evaluated.production.id);
  return held ? refused(held) : allowed;
}

/** Roll production back to `targetDeploymentId`: the rollback's preconditions, then the lock. */
export async function rollbackAvailability(
  db: Database,
  targetDeploymentId: number,
): Promise<Availability> {
  const context = await getDeploymentContext(db, targetDeploymentId);
  if (!context) return refused(`deployment ${targetDeploymentId} does not exist`);
  const production = await getProductionEnvironment(db, context.project.id);
  const current = production?.currentDeploymentId
    ? await getDeployment(db, production.currentDeploymentId)
    : undefined;
  const checked = fromFailures(
    rollbackPreconditions(context.deployment, production, current, false),
  );
  if (!checked.allowed || !production) return checked;
  const held = await lockHolder(db, production.id);
  return held ? refused(held) : allowed;
}

export interface PreviewAvailability {
  reseed: Availability;
  delete: Availability;
}

/** Reseed or delete a preview: a live preview (loadPreview), a branch to reset, and free. */
export async function previewAvailability(
  db: Database,
  environmentId: number,
): Promise<PreviewAvailability> {
  const preview = await loadPreview(db, environmentId, 'changed');
  if (isRefusal(preview))
    return { reseed: refused(preview.message), delete: refused(preview.message) };
  const held = await lockHolder(db, preview.environment.id);
  if (held) return { reseed: refused(held), delete: refused(held) };
  return { reseed: fromFailures(reseedPreconditions(preview)), delete: allowed };
}

/** What a deployment row may offer: promote (a ready staging build), roll back to (production). */
export interface DeploymentAvailability {
  promote?: Availability;
  rollback?: Availability;
}

/**
 * The operations each listed deployment offers, keyed by deployment id: a ready staging build
 * may be promoted (the promotion gate per build); a ready production deployment other than the
 * one served may be rolled back to (the rollback's preconditions). Production, what it serves and
 * its lock are read once for the whole list. Rows offering neither are left out.
 */
export async function deploymentRowsAvailability(
  db: Database,
  projectId: number,
  rows: readonly { id: number; environmentKind: string; target: string; state: string }[],
  now: Date,
): Promise<{ offers: Map<number, DeploymentAvailability>; servedId: number | null }> {
  const production = await getProductionEnvironment(db, projectId);
  const [current, held] = await Promise.all([
    production?.currentDeploymentId ? getDeployment(db, production.currentDeploymentId) : undefined,
    production ? lockHolder(db, production.id) : undefined,
  ]);
  const unlessHeld = (availability: Availability) =>
    availability.allowed && held ? refused(held) : availability;
  const offers = await Promise.all(
    rows.map(async (row): Promise<[number, DeploymentAvailability] | undefined> => {
      if (row.state !== 'ready') return undefined;
      if (row.environmentKind === 'staging') {
        const evaluated = await evaluatePromotion(db, row.id, now);
        const gate = evaluated ? fromFailures(evaluated.failures) : refused('not found');
        return [row.id, { promote: unlessHeld(gate) }];
      }
      if (row.target === 'production' && row.id !== current?.id) {
        const target = await getDeployment(db, row.id);
        if (!target) return undefined;
        const checked = fromFailures(rollbackPreconditions(target, production, current, false));
        return [row.id, { rollback: unlessHeld(checked) }];
      }
      return undefined;
    }),
  );
  return {
    offers: new Map(offers.filter((offer) => offer !== undefined)),
    servedId: current?.id ?? null,
  };
}
