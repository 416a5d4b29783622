import { and, asc, eq, lt, lte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type WebhookDelivery, webhookDeliveries } from '@/db/schema';
import { emptyTally, type SyncJob, type SyncTally } from '@/lib/sync/sync-job';
import { MAX_DELIVERY_ATTEMPTS } from './backoff';
import { deliveryProjectId } from './delivery-project';
import { processDelivery, type ProcessedDelivery } from './process';

export const WEBHOOK_RETRY_KIND = 'webhooks.retry';

/** Deliveries retried per run; the rest wait for the next run, oldest due first. */
const BATCH = 100;

async function dueDeliveries(db: Database, now: Date): Promise<WebhookDelivery[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'failed'),
        lte(webhookDeliveries.nextAttemptAt, now),
        lt(webhookDeliveries.attempts, MAX_DELIVERY_ATTEMPTS),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(BATCH);
}

/**
 * Applies again every failed delivery whose retry time has come, until each has had
 * MAX_DELIVERY_ATTEMPTS attempts. Counts what it retried, what it applied, and names each one
 * that failed again.
 */
export async function retryFailedDeliveries(db: Database, now: Date): Promise<SyncTally> {
  const tally = emptyTally();
  for (const delivery of await dueDeliveries(db, now)) {
    tally.itemsSeen += 1;
    const outcome = await processDelivery(db, delivery, now);
    if (outcome.status === 'applied' && outcome.changed) tally.itemsChanged += 1;
    if (outcome.status === 'failed') {
      tally.errors.push(`${delivery.provider} delivery ${delivery.deliveryId}: ${outcome.reason}`);
    }
  }
  return tally;
}

/** The cron job: one sync_runs row of kind `webhooks.retry` per run. It calls no provider. */
export function webhookRetryJob(): SyncJob {
  return {
    kind: WEBHOOK_RETRY_KIND,
    callsSpent: () => 0,
    work: ({ db, now }) => retryFailedDeliveries(db, now),
  };
}

export class DeliveryNotFoundError extends Error {
  constructor(id: number) {
    super(`There is no webhook delivery ${id}.`);
    this.name = 'DeliveryNotFoundError';
  }
}

/**
 * Applies one stored delivery again, whatever its status (applying is idempotent: newer state
 * already stored wins). A body that never parsed has nothing to apply and is reported so. With
 * `projectId` (an admin's project), a delivery naming another connected project is not found.
 */
export async function replayDelivery(
  db: Database,
  id: number,
  now: Date = new Date(),
  projectId?: number,
): Promise<ProcessedDelivery> {
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  if (!delivery) throw new DeliveryNotFoundError(id);
  if (projectId !== undefined) {
    const named = await deliveryProjectId(db, delivery);
    if (named !== undefined && named !== projectId) throw new DeliveryNotFoundError(id);
  }
  if (delivery.payload === null) {
    return { status: 'malformed', reason: delivery.error ?? 'the stored body was never parsed' };
  }
  return processDelivery(db, delivery, now);
}
