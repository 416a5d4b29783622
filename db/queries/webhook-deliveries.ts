import 'server-only';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DeliveryStatus } from '@/lib/domain/admin';
import type { DeliveryFilters } from '@/lib/filters/webhook-deliveries';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { type WebhookDelivery, webhookDeliveries } from '../schema';
import { afterCursor, descNullsLast, type PageRequest } from './keyset';

/** One delivery as the deliveries list shows it: no payload, which can be large. */
import type { DeliveryListItem } from '@/lib/domain/admin';
export type { DeliveryListItem };

/** Newest first, keyset paged on (received_at, id), which webhook_deliveries_received_idx orders. */
export async function listWebhookDeliveries(
  db: Database,
  filters: DeliveryFilters,
  page: PageRequest,
): Promise<Page<DeliveryListItem>> {
  const conditions: (SQL | undefined)[] = [
    filters.provider ? eq(webhookDeliveries.provider, filters.provider) : undefined,
    filters.event ? eq(webhookDeliveries.event, filters.event) : undefined,
    filters.status ? eq(webhookDeliveries.status, filters.status) : undefined,
    afterCursor(webhookDeliveries.receivedAt, webhookDeliveries.id, page.cursor, 'timestamp'),
  ];
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      provider: webhookDeliveries.provider,
      deliveryId: webhookDeliveries.deliveryId,
      event: webhookDeliveries.event,
      action: webhookDeliveries.action,
      status: webhookDeliveries.status,
      error: webhookDeliveries.error,
      attempts: webhookDeliveries.attempts,
      receivedAt: webhookDeliveries.receivedAt,
      processedAt: webhookDeliveries.processedAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
    })
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(descNullsLast(webhookDeliveries.receivedAt), descNullsLast(webhookDeliveries.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => encodeCursor(row.receivedAt, row.id));
}

/** The statuses that need a person's eye, counted over all deliveries. */
export type ProblemCounts = Record<Extract<DeliveryStatus, 'failed' | 'malformed'>, number>;

export async function countProblemDeliveries(db: Database): Promise<ProblemCounts> {
  const rows = await db
    .select({ status: webhookDeliveries.status, count: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.status, ['failed', 'malformed']))
    .groupBy(webhookDeliveries.status);
  const counts: ProblemCounts = { failed: 0, malformed: 0 };
  for (const row of rows) counts[row.status as keyof ProblemCounts] = Number(row.count);
  return counts;
}

/** One delivery with its payload (or the raw body it arrived as, when that never parsed). */
export async function getWebhookDelivery(
  db: Database,
  id: number,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

/** The events stored so far, for the event filter. */
export async function listDeliveryEvents(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ event: webhookDeliveries.event })
    .from(webhookDeliveries)
    .orderBy(webhookDeliveries.event)
    .limit(100);
  return rows.map((row) => row.event);
}
