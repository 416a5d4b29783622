import 'server-only';
import { apiTokenActorName } from '@/lib/domain/api-tokens';
import { describeHolder } from '@/lib/domain/operation-names';
import { listOperations } from '@/db/queries/audit';
import { listDeployments } from '@/db/queries/deployments';
import {
  type ActiveOperation,
  getActiveOperation,
  getActiveOperations,
  listPendingApprovals,
} from '@/db/queries/operation-locks';
import { getProductionServing } from '@/db/queries/production-serving';
import { getOperation } from '@/db/queries/operation-records';
import { getDeployment } from '@/db/queries/operation-targets';
import type { Database } from '@/db/client';
import type { Project } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import type { DeploymentAvailability, PreviewAvailability } from '@/lib/domain/availability';
import {
  type DeploymentRow,
  deploymentRowsAvailability,
  previewAvailabilities,
} from './availability';
import { OPERATION_TIMEOUT_MS } from './recover';

/**
 * What the board's pages need to offer operations: which buttons are enabled and why not, what
 * production serves, the rollback targets and the approval queue. Read-only; the operations
 * decide again when asked.
 */

const commit = (row: { commitSha: string; commitMessage: string } | undefined) =>
  row ? { commitSha: row.commitSha, commitMessage: row.commitMessage } : null;

/** Promote / roll back offers for listed deployments, with what production serves now. */
export async function deploymentOffers(
  db: Database,
  project: Project,
  rows: readonly DeploymentRow[],
  now: Date,
): Promise<{
  availability: Map<number, DeploymentAvailability>;
  requireApproval: boolean;
  productionName: string;
  served: { commitSha: string; commitMessage: string } | null;
}> {
  const { offers, production, served } = await deploymentRowsAvailability(
    db,
    project.id,
    rows,
    now,
  );
  return {
    availability: offers,
    requireApproval: project.requireApproval,
    productionName: production?.name ?? 'production',
    served: commit(served),
  };
}

/** How many earlier production deployments the rollback dialog offers. */
const ROLLBACK_CHOICES = 20;

/** The earlier production deployments production may be rolled back to, newest first. */
export async function rollbackChoices(db: Database, project: Project, productionSlug: string) {
  const recent = await listDeployments(
    db,
    project.id,
    { environment: productionSlug, state: 'ready' },
    { limit: ROLLBACK_CHOICES + 1 },
  );
  const { offers } = await deploymentRowsAvailability(db, project.id, recent.rows, new Date());
  const candidates = recent.rows
    .filter((row) => offers.get(row.id)?.rollback?.allowed)
    .slice(0, ROLLBACK_CHOICES)
    .map((row) => ({
      id: row.id,
      commitSha: row.commitSha,
      commitMessage: row.commitMessage,
      createdAt: row.createdAt,
    }));
  return { candidates };
}

/**
 * The operations holding any of these environments, for the page's banner, oldest first. With
 * `production`, the project's production too (promote and roll back buttons wait on it).
 */
export async function operationsHolding(
  db: Database,
  environmentIds: readonly number[],
  production?: { projectId: number },
  now: Date = new Date(),
): Promise<(ActiveOperation & { stuck: boolean })[]> {
  const [active, serving] = await Promise.all([
    getActiveOperations(db, environmentIds),
    production ? getProductionServing(db, production.projectId) : undefined,
  ]);
  const held = new Map([...active.values()].map((operation) => [operation.id, operation]));
  if (serving?.holder) held.set(serving.holder.id, serving.holder);
  return [...held.values()]
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
    .map((operation) => ({ ...operation, stuck: isStuck(operation, now) }));
}

/**
 * Approved or running and not moved for longer than a function may run: what the recover cron
 * finishes (recover.ts). Until it does, the banner points at the stuck operation runbook.
 */
function isStuck(operation: ActiveOperation, now: Date): boolean {
  const inFlight = operation.state === 'approved' || operation.state === 'running';
  return inFlight && now.getTime() - operation.updatedAt.getTime() > OPERATION_TIMEOUT_MS;
}

/** Why nothing can start on an environment now: the operation holding its lock. */
export async function environmentBlocked(
  db: Database,
  environmentId: number,
): Promise<string | undefined> {
  const active = await getActiveOperation(db, environmentId);
  if (!active) return undefined;
  return describeHolder(active);
}

/**
 * Reseed / delete offers for each listed preview environment, keyed by environment id, for the
 * signed-in member: delete only on their own pull requests' previews unless they are a release
 * manager or admin.
 */
export async function previewOffers(
  db: Database,
  environmentIds: readonly number[],
  actor: Pick<Actor, 'role' | 'login'>,
): Promise<Map<number, PreviewAvailability>> {
  return previewAvailabilities(db, environmentIds, actor);
}

/** The promotions waiting for approval, with what they would change, oldest first. */
export async function pendingApprovals(db: Database, projectId: number, actorId: number) {
  const waiting = await listPendingApprovals(db, projectId);
  return Promise.all(
    waiting.map(async (pending) => {
      const operation = await getOperation(db, pending.id);
      const before = operation?.before ?? {};
      const [target, current] = await Promise.all([
        typeof before.deploymentId === 'number'
          ? getDeployment(db, before.deploymentId)
          : undefined,
        typeof before.productionDeploymentId === 'number'
          ? getDeployment(db, before.productionDeploymentId)
          : undefined,
      ]);
      return {
        id: pending.id,
        // A token's request names the token where a person's login would be.
        requesterLogin:
          pending.actorLogin ??
          (pending.actorTokenName ? apiTokenActorName(pending.actorTokenName) : null),
        requestedByMe: pending.actorId === actorId,
        reason: pending.reason,
        requestedAt: pending.requestedAt,
        environmentName: pending.environmentName ?? 'production',
        from: commit(current),
        to: commit(target),
      };
    }),
  );
}

/** The rollback that pinned an environment: the newest succeeded one, from the audit log. */
export async function lastRollback(db: Database, projectId: number, slug: string) {
  const page = await listOperations(
    db,
    projectId,
    { action: 'rollback', environment: slug, outcome: 'succeeded' },
    { limit: 1 },
  );
  const entry = page.rows[0];
  return entry
    ? {
        id: entry.id,
        actorLogin: entry.actorLogin,
        reason: entry.reason,
        at: entry.finishedAt ?? entry.requestedAt,
      }
    : null;
}
