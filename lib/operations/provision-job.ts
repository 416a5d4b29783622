import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { operations, type PullRequest, pullRequests } from '@/db/schema';
import type { SyncJob } from '@/lib/sync/run-sync';
import { provision, provisionKey } from './provision';
import type { OperationClients } from './types';

export const PREVIEW_PROVISION_KIND = 'previews.provision';

/** The pull-request webhook actions after which a preview's database must match its head. */
export const PROVISIONING_ACTIONS: ReadonlySet<string> = new Set([
  'opened',
  'reopened',
  'synchronize',
]);

/**
 * Open pull requests whose current head has never been provisioned: a provision operation is
 * keyed by its pull request's head (provisionKey), so its absence is exactly "not in step yet".
 */
export async function pullRequestsToProvision(
  db: Database,
  projectId: number,
): Promise<PullRequest[]> {
  const open = await db
    .select()
    .from(pullRequests)
    .where(and(eq(pullRequests.projectId, projectId), eq(pullRequests.state, 'open')))
    .orderBy(pullRequests.number);
  if (open.length === 0) return [];
  const done = await db
    .select({ key: operations.idempotencyKey })
    .from(operations)
    .where(inArray(operations.idempotencyKey, open.map(provisionKey)));
  const provisioned = new Set(done.map((row) => row.key));
  return open.filter((pullRequest) => !provisioned.has(provisionKey(pullRequest)));
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
    console.error(`provisioning the preview of #${number} failed: ${result.message}`);
  }
}

/**
 * The sync behind the webhook: every open pull request whose head is not provisioned yet gets its
 * database branch and DATABASE_URL, so a dropped `pull_request` webhook delays a preview by one
 * cron interval, never forever.
 */
export function previewProvisionJob(clients: OperationClients, projectId: number): SyncJob {
  return {
    kind: PREVIEW_PROVISION_KIND,
    callsSpent: () =>
      clients.vercel.callsSpent + clients.neon.callsSpent + clients.github.usage().requests,
    work: async ({ db }) => {
      // Reading the clients builds them from the environment (lib/providers/from-env): one
      // missing setting fails this run once, named, instead of every pull request's operation.
      const { neon, vercel } = clients;
      if (!neon || !vercel) throw new Error('Provisioning needs the Neon and Vercel clients.');
      const pending = await pullRequestsToProvision(db, projectId);
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
