import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type NewWebhookDelivery, type WebhookDelivery, webhookDeliveries } from '../schema';

/**
 * Stores a delivery once per (provider, delivery id) and returns its id; undefined for a
 * redelivery: the first copy is already stored and owns the outcome. Only the id comes back: a
 * payload is often tens of kilobytes, and the caller has it already.
 */
export async function recordWebhookDelivery(
  db: Database,
  input: NewWebhookDelivery,
): Promise<{ id: number } | undefined> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values(input)
    .onConflictDoNothing({ target: [webhookDeliveries.provider, webhookDeliveries.deliveryId] })
    .returning({ id: webhookDeliveries.id });
  return row;
}

export type DeliveryOutcomeFields = Pick<
  NewWebhookDelivery,
  'status' | 'error' | 'attempts' | 'processedAt' | 'nextAttemptAt'
>;

/** Records how processing a stored delivery ended. */
export async function setWebhookDeliveryOutcome(
  db: Database,
  id: number,
  outcome: DeliveryOutcomeFields,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set(outcome)
    .where(eq(webhookDeliveries.id, id))
    .returning();
  return row;
}
