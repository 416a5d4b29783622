import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { environmentOnBranchColumn } from '@/db/queries/environment-on-branch';
import { getDeletedPreviewHeads } from '@/db/queries/provision-attempts';
import { type PullRequest, pullRequests } from '@/db/schema';
import type { SyncJob } from '@/lib/sync/sync-job';
import { provision } from './provision';
import { provisionAttempts } from './provision-attempt';
import { nowOf, type OperationClients } from './types';
import { log } from '@/lib/observability/log';

export const PREVIEW_PROVISION_KIND = 'previews.provision';

/** The pull-request webhook actions after which a preview's database must match its head. */
export const PROVISIONING_ACTIONS: ReadonlySet<string> = new Set([
  'opened',
  'reopened',
  'synchronize',
]);

/**
 * Open pull requests whose current head is due a provisioning: never tried, or failed and past
 * its backoff (provision-attempt.ts). A pull request from a fork or from another environment's
 * branch never is: it gets no preview of its own; nor one whose preview was deleted at its
 * current head (it waits for the next push, or Provision again).
 */
export async function pullRequestsToProvision(
  db: Database,
  projectId: number,
  now: Date = new Date(),
): Promise<PullRequest[]> {
  const open = await db
    .select()
    .from(pullRequests)
    .where(
      and(
        eq(pullRequests.projectId, projectId),
        eq(pullRequests.state, 'open'),
        eq(pullRequests.fromFork, false),
        isNull(environmentOnBranchColumn(pullRequests.projectId, pullRequests.headBranch)),
      ),
    )
    .orderBy(pullRequests.number);
  if (open.length === 0) return [];
  const [attempts, deletedAt] = await Promise.all([
    provisionAttempts(db, projectId, open, now),
    getDeletedPreviewHeads(
      db,
      projectId,
      open.map((pullRequest) => pullRequest.id),
    ),
  ]);
  return open.filter(
    (pullRequest) =>
      attempts.get(pullRequest.id)?.due && deletedAt.get(pullRequest.id) !== pullRequest.headSha,
  );
}

/** Provisions one pull request by number, when it is stored and open; for the webhook path. */
export async function provisionPullRequest(
  db: Database,
  clients: OperationClients,
  projectId: number,
  number: number,
): Promise<void> {
  const [pullRequest] = await db
    .select()
    .from(pullRequests)
    .where(and(eq(pullRequests.projectId, projectId), eq(pullRequests.number, number)));
  if (pullRequest?.state !== 'open') return;
  const result = await provision(db, clients, { pullRequest });
  if (!result.ok) {
    log.warn(`provisioning the preview of #${number} failed`, { reason: result.message });
  }
}

/**
 * The sync behind the webhook: every open pull request whose head is not provisioned yet gets its
 * database branch and DATABASE_URL, so a dropped `pull_request` webhook delays a preview by one
 * cron interval, never forever; a failed provisioning is tried again after its backoff, not only
 * on the next push.
 */
export function previewProvisionJob(clients: OperationClients, projectId: number): SyncJob {
  return {
    kind: PREVIEW_PROVISION_KIND,
    callsSpent: () =>
      clients.vercel.callsSpent + clients.neon.callsSpent + clients.github.usage().requests,
    work: async ({ db }) => {
      // Reading the clients builds them from the environment (lib/wiring/provider-clients): one
      // missing setting fails this run once, named, instead of every pull request's operation.
      const { neon, vercel } = clients;
      if (!neon || !vercel) throw new Error('Provisioning needs the Neon and Vercel clients.');
      const pending = await pullRequestsToProvision(db, projectId, nowOf(clients));
      const errors: string[] = [];
      let changed = 0;
      for (const pullRequest of pending) {
        const result = await provision(db, clients, { pullRequest });
        if (result.ok) changed++;
        else errors.push(`pull request #${pullRequest.number}: ${result.message}`);
      }
      return { itemsSeen: pending.length, itemsChanged: changed, errors };
    },
  };
}
