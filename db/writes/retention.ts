import { and, desc, eq, inArray, lt, notInArray } from 'drizzle-orm';
import type { Database } from '../client';
import { syncRuns, webhookDeliveries } from '../schema';

/**
 * Retention: what the board keeps of its own bookkeeping. Each delete takes at most `limit`
 * rows, oldest first, so one run stays short however much has piled up; the next run goes on.
 */

/**
 * Deletes up to `limit` finished runs that started before `before`, oldest first. The newest
 * succeeded run of each kind stays whatever its age: it holds the cursor the next run resumes
 * from and the kind's last success.
 */
export async function pruneSyncRuns(db: Database, before: Date, limit: number): Promise<number> {
  const kept = db
    .selectDistinctOn([syncRuns.kind], { id: syncRuns.id })
    .from(syncRuns)
    .where(eq(syncRuns.status, 'succeeded'))
    .orderBy(syncRuns.kind, desc(syncRuns.startedAt), desc(syncRuns.id));
  const doomed = db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(
      and(
        inArray(syncRuns.status, ['succeeded', 'failed']),
        lt(syncRuns.startedAt, before),
        notInArray(syncRuns.id, kept),
      ),
    )
    .orderBy(syncRuns.startedAt, syncRuns.id)
    .limit(limit);
  const deleted = await db
    .delete(syncRuns)
    .where(inArray(syncRuns.id, doomed))
    .returning({ id: syncRuns.id });
  return deleted.length;
}

/**
 * Deletes up to `limit` deliveries received before `before` that are done with: applied,
 * ignored, or malformed (a body that never parsed can never be applied). A failed delivery, and
 * one still waiting to be processed, is kept whatever its age until it is applied.
 */
export async function pruneWebhookDeliveries(
  db: Database,
  before: Date,
  limit: number,
): Promise<number> {
  const doomed = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        inArray(webhookDeliveries.status, ['applied', 'ignored', 'malformed']),
        lt(webhookDeliveries.receivedAt, before),
      ),
    )
    .orderBy(webhookDeliveries.receivedAt, webhookDeliveries.id)
    .limit(limit);
  const deleted = await db
    .delete(webhookDeliveries)
    .where(inArray(webhookDeliveries.id, doomed))
    .returning({ id: webhookDeliveries.id });
  return deleted.length;
}
