import type { Database } from '@/db/client';
import { describeHolder, OPERATION_NOUN } from '@/lib/domain/operation-names';
import { getDeploymentContext, getEnvironmentContexts } from '@/db/queries/operation-contexts';
import { type ActiveOperation, getActiveOperations } from '@/db/queries/operation-locks';
import { getProductionServing } from '@/db/queries/production-serving';
import type { Deployment, Environment } from '@/db/schema';
import type {
  Availability,
  DeploymentAvailability,
  PreviewAvailability,
} from '@/lib/domain/availability';
import type { Actor } from '@/lib/domain/actor';
import type { DeploymentListItem } from '@/lib/domain/deployments';
import {
  PREVIEW_DELETE_BRIEF,
  PREVIEW_PIN_BRIEF,
  previewDeleteRefusal,
  previewPinRefusal,
} from '@/lib/domain/preview-permissions';
import { evaluatePromotion, evaluatePromotions, type PromotionEvaluation } from './gate-facts';
import { isRefusal } from './lock';
import { livePreview } from './preview';
import { provisionAgainRefusal } from './provision-again';
import { reseedPreconditions } from './reseed';
import { rollbackPreconditions } from './rollback';
import { sentenceCase } from '@/lib/domain/sentence-case';

/**
 * Whether an operation may start now (lib/domain's Availability), read with the engine's own
 * precondition functions so a button is disabled for exactly the reason the operation would
 * refuse. The operations check again when asked: this is for showing, never for deciding.
 *
 * A page of rows is read with a fixed number of queries however many rows it lists; the
 * single-row functions are the same reads and rules with one row.
 */

const allowed: Availability = { allowed: true };
const refused = (reason: string): Availability => ({ allowed: false, reason });

/** An environment's lock holder: the full sentence, and the short tooltip its buttons carry. */
interface Holder {
  reason: string;
  brief: string;
}
const heldBy = (holder: Holder): Availability => ({ allowed: false, ...holder });

function holderOn(active: ActiveOperation): string {
  return `${describeHolder(active)} on ${active.environmentName ?? 'this environment'}`;
}

function holderOf(active: ActiveOperation): Holder {
  return {
    reason: holderOn(active),
    brief: `${sentenceCase(OPERATION_NOUN[active.kind])} in progress`,
  };
}

/** The operation holding each environment's lock, described; free environments are left out. */
async function lockHolders(
  db: Database,
  environmentIds: readonly number[],
): Promise<Map<number, Holder>> {
  const active = await getActiveOperations(db, environmentIds);
  return new Map([...active].map(([id, operation]) => [id, holderOf(operation)]));
}

function fromFailures(failures: readonly { message: string }[]): Availability {
  return failures.length === 0 ? allowed : refused(failures.map((f) => f.message).join('; '));
}

/** The promotion gate, then production's lock (`held` describes its holder, if any). */
function promotionOffer(
  deploymentId: number,
  evaluated: PromotionEvaluation | undefined,
  held: Holder | undefined,
): Availability {
  if (!evaluated) return refused('that deployment does not exist');
  const gate = fromFailures(evaluated.failures);
  if (!gate.allowed || !evaluated.production) return gate;
  return held ? heldBy(held) : allowed;
}

/** The rollback's preconditions, then production's lock. */
function rollbackOffer(
  target: Parameters<typeof rollbackPreconditions>[0],
  production: Environment | undefined,
  current: Deployment | undefined,
  held: Holder | undefined,
): Availability {
  const checked = fromFailures(rollbackPreconditions(target, production, current, false));
  if (!checked.allowed || !production) return checked;
  return held ? heldBy(held) : allowed;
}

/** Production with the deployment it serves, and its lock's holder described. */
async function productionServing(db: Database, projectId: number) {
  const { production, current, holder } = await getProductionServing(db, projectId);
  return { production, current, held: holder && holderOf(holder) };
}

/** Promote `deploymentId` to production: the promotion gate, then production's lock. */
export async function promotionAvailability(
  db: Database,
  deploymentId: number,
  now: Date,
): Promise<Availability> {
  const evaluated = await evaluatePromotion(db, deploymentId, now);
  const held = evaluated?.production
    ? (await productionServing(db, evaluated.project.id)).held
    : undefined;
  return promotionOffer(deploymentId, evaluated, held);
}

/** Roll production back to `targetDeploymentId`: the rollback's preconditions, then the lock. */
export async function rollbackAvailability(
  db: Database,
  targetDeploymentId: number,
): Promise<Availability> {
  const context = await getDeploymentContext(db, targetDeploymentId);
  if (!context) return refused('that deployment does not exist');
  const { production, current, held } = await productionServing(db, context.project.id);
  return rollbackOffer(context.deployment, production, current, held);
}

/**
 * Reseed or delete each listed preview, keyed by environment id: a live preview (the check
 * loadPreview makes), a branch to reset, free, and for delete the actor's own pull request
 * unless they are a release manager or admin; a deleted one, whether it may be provisioned
 * again. Two queries however many previews.
 */
export async function previewAvailabilities(
  db: Database,
  environmentIds: readonly number[],
  actor: Pick<Actor, 'role' | 'login'>,
): Promise<Map<number, PreviewAvailability>> {
  const [contexts, holders] = await Promise.all([
    getEnvironmentContexts(db, environmentIds),
    lockHolders(db, environmentIds),
  ]);
  return new Map(
    environmentIds.map((id): [number, PreviewAvailability] => {
      const context = contexts.get(id);
      const held = holders.get(id);
      const preview = livePreview(context, id, 'changed');
      if (isRefusal(preview)) {
        const offers = { reseed: refused(preview.message), delete: refused(preview.message) };
        if (context?.environment.status !== 'deleted') return [id, offers];
        const again = provisionAgainRefusal(context, id);
        const provisionAgain = again ? refused(again.message) : held ? heldBy(held) : allowed;
        return [id, { ...offers, provisionAgain }];
      }
      if (held) return [id, { reseed: heldBy(held), delete: heldBy(held), pin: heldBy(held) }];
      const notOwner = previewDeleteRefusal(actor, preview.pullRequest);
      const notPinner = previewPinRefusal(actor, preview.pullRequest);
      return [
        id,
        {
          reseed: fromFailures(reseedPreconditions(preview)),
          delete: notOwner
            ? { allowed: false, reason: notOwner, brief: PREVIEW_DELETE_BRIEF }
            : allowed,
          pin: notPinner
            ? { allowed: false, reason: notPinner, brief: PREVIEW_PIN_BRIEF }
            : allowed,
        },
      ];
    }),
  );
}

/** Reseed or delete one preview: previewAvailabilities with one id. */
export async function previewAvailability(
  db: Database,
  environmentId: number,
  actor: Pick<Actor, 'role' | 'login'>,
): Promise<PreviewAvailability> {
  return (await previewAvailabilities(db, [environmentId], actor)).get(environmentId)!;
}

/** What a listed deployment row tells about itself; `createdAt` is the provider's creation time. */
export type DeploymentRow = Pick<
  DeploymentListItem,
  'id' | 'environmentKind' | 'target' | 'state' | 'createdAt' | 'commitSha' | 'commitMessage'
>;

/**
 * The operations each listed deployment offers, keyed by deployment id: a ready staging build
 * may be promoted (the promotion gate, read for all of them at once); a ready production
 * deployment other than the one served may be rolled back to (the rollback's preconditions, on
 * the row itself). Production, what it serves and its lock are read once for the whole list.
 * Rows offering neither are left out.
 */
export async function deploymentRowsAvailability(
  db: Database,
  projectId: number,
  rows: readonly DeploymentRow[],
  now: Date,
): Promise<{
  offers: Map<number, DeploymentAvailability>;
  servedId: number | null;
  production: Environment | undefined;
  served: Deployment | undefined;
}> {
  const ready = rows.filter((row) => row.state === 'ready');
  const promotable = ready.filter((row) => row.environmentKind === 'staging');
  const [{ production, current, held }, evaluations] = await Promise.all([
    productionServing(db, projectId),
    promotable.length > 0
      ? evaluatePromotions(
          db,
          promotable.map((row) => row.id),
          now,
        )
      : new Map<number, PromotionEvaluation>(),
  ]);
  const offers = new Map<number, DeploymentAvailability>();
  for (const row of promotable) {
    offers.set(row.id, { promote: promotionOffer(row.id, evaluations.get(row.id), held) });
  }
  for (const row of ready) {
    if (row.environmentKind === 'staging') continue;
    if (row.target !== 'production' || row.id === current?.id) continue;
    const target = { ...row, providerCreatedAt: row.createdAt };
    offers.set(row.id, { rollback: rollbackOffer(target, production, current, held) });
  }
  return { offers, servedId: current?.id ?? null, production, served: current };
}
