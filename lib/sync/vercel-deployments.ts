import type { Project } from '@/db/schema';
import type { VercelClient } from '@/lib/providers/vercel/client';
import type { VercelDeploymentSummary, VercelProject } from '@/lib/providers/vercel/schemas';
import {
  applyVercelDeployment,
  deploymentState,
  fromVercelSummary,
  type VercelDeploymentChange,
} from '@/lib/reconcile';
import { currentEnv, type Env } from '@/lib/settings/env';
import { vercelProjectIdFromEnv } from '@/lib/settings/provider-settings';
import { FIRST_SYNC_LOOKBACK_MS, itemError, resumeFrom } from './cursor';
import { emptyTally, type SyncJob, type SyncTally } from './sync-job';

export const VERCEL_DEPLOYMENTS = 'vercel.deployments';

/** Epoch ms from the cursor; a first run looks back the same window as the other syncs. */
function sinceFromCursor(cursor: string | null, now: Date): number {
  const since = cursor === null ? Number.NaN : Number(cursor);
  return Number.isFinite(since) ? since : now.getTime() - FIRST_SYNC_LOOKBACK_MS;
}

/**
 * A deployment the board had no environment for (a preview built before its pull request was
 * synced) holds the cursor back this long, so a later run stores it once the preview exists.
 */
const UNPLACED_GRACE_MS = 60 * 60 * 1000;
const FINAL_STATES = new Set(['READY', 'ERROR', 'CANCELED', 'DELETED']);

/** The Vercel project to sync: the project's own id, else VERCEL_PROJECT_ID. */
export function vercelProjectIdFor(project: Project, env: Env = currentEnv()): string {
  const id = project.vercelProjectId ?? vercelProjectIdFromEnv(env);
  if (!id) {
    throw new Error(
      `no Vercel project for ${project.slug}: set projects.vercel_project_id or VERCEL_PROJECT_ID`,
    );
  }
  return id;
}

/**
 * Deployments created since the cursor (every page), then the project, whose production target
 * says what production serves after a promote or an instant rollback that created nothing new.
 * The cursor (epoch ms, exclusive as Vercel's `since` is) stays before any build still running,
 * so it is listed again until it finishes. Nothing new costs two requests.
 */
export function vercelDeploymentsJob(clients: { vercel: VercelClient }, project: Project): SyncJob {
  return {
    kind: VERCEL_DEPLOYMENTS,
    callsSpent: () => clients.vercel.callsSpent,
    work: async ({ db, now, previousCursor }) => {
      const projectId = vercelProjectIdFor(project);
      const since = sinceFromCursor(previousCursor, now);
      const { deployments: listed, unreadable } = await clients.vercel.listDeployments({
        projectId,
        since,
      });
      const tally = emptyTally();
      // One deployment envboard cannot read is named in the run's errors; the rest still sync.
      for (const { id, reason } of unreadable) {
        tally.itemsSeen++;
        tally.errors.push(`deployment ${id ?? 'without a uid'}: ${reason}`);
      }
      const settled = new Map<string, boolean>();
      const oldestFirst = [...listed].sort((a, b) => a.created - b.created);
      for (const deployment of oldestFirst) {
        tally.itemsSeen++;
        const placed = await apply(tally, deployment.uid, () =>
          applyVercelDeployment(db, project, fromVercelSummary(deployment)),
        );
        settled.set(deployment.uid, isSettled(deployment, placed, now));
      }

      const current = await clients.vercel.getProject(projectId);
      const production = productionChange(current);
      if (production) {
        tally.itemsSeen++;
        await apply(tally, production.id, () => applyVercelDeployment(db, project, production));
      }

      const items = listed.map((deployment) => ({
        // One millisecond back: `since` is exclusive and the unsettled one must be listed again.
        createdAt: new Date(deployment.created - (settled.get(deployment.uid) ? 0 : 1)),
        finished: settled.get(deployment.uid) ?? false,
      }));
      const resumeAt = resumeFrom(items, new Date(since), now);
      return { ...tally, cursor: String(resumeAt.getTime()) };
    },
  };
}

/** Applies one deployment; false when the board had no place for it (or it failed). */
async function apply(
  tally: SyncTally,
  id: string,
  work: () => ReturnType<typeof applyVercelDeployment>,
): Promise<boolean> {
  try {
    const result = await work();
    if (result.changed) tally.itemsChanged++;
    return result.ignored === undefined;
  } catch (error) {
    tally.errors.push(itemError(`deployment ${id}`, error));
    return false;
  }
}

/**
 * Whether a listed deployment may fall behind the cursor: its build is over and the board
 * stored it, or it has waited past the grace period for an environment to appear.
 */
export function isSettled(
  deployment: Pick<VercelDeploymentSummary, 'readyState' | 'state' | 'created'>,
  placed: boolean,
  now: Date,
): boolean {
  const state = deployment.readyState ?? deployment.state;
  if (!state || !FINAL_STATES.has(state)) return false;
  return placed || now.getTime() - deployment.created > UNPLACED_GRACE_MS;
}

/**
 * What production serves, as a change to apply. When the last alias request put it there, it
 * serves since that request, as a promote or rollback; otherwise since its build was ready.
 */
export function productionChange(project: VercelProject): VercelDeploymentChange | undefined {
  const production = project.targets?.production;
  if (!production) return undefined;
  const request = project.lastAliasRequest;
  const aliased =
    request && request.toDeploymentId === production.id && request.jobStatus === 'succeeded';
  const createdAt = production.createdAt === undefined ? undefined : new Date(production.createdAt);
  return {
    id: production.id,
    url: production.url,
    target: 'production',
    state: deploymentState(production.readyState),
    meta: production.meta ?? {},
    createdAt,
    observedAt: aliased ? new Date(request.requestedAt) : (createdAt ?? new Date(0)),
    ...(aliased ? { servedBy: request.type } : {}),
  };
}
