import type { Database } from '@/db/client';
import { pruneSyncRuns, pruneWebhookDeliveries } from '@/db/writes/retention';

const DAY_MS = 86_400_000;

/** Rows each table loses per run at most; a backlog goes over the following runs. */
export const PRUNE_BATCH = 1000;

export interface PruneReport {
  deliveries: number;
  syncRuns: number;
}

/**
 * Deletes webhook deliveries and sync runs older than `retentionDays`, at most PRUNE_BATCH of
 * each per run. Kept whatever their age: a delivery that failed and was never applied, one not
 * yet processed, and the newest successful run of each kind (its cursor and last success).
 */
export async function pruneHistory(
  db: Database,
  now: Date,
  retentionDays: number,
  batch: number = PRUNE_BATCH,
): Promise<PruneReport> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  return {
    deliveries: await pruneWebhookDeliveries(db, before, batch),
    syncRuns: await pruneSyncRuns(db, before, batch),
  };
}
