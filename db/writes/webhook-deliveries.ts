import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type NewWebhookDelivery, type WebhookDelivery, webhookDeliveries } from '../schema';

/**
 * Stores a delivery once per (provider, delivery id). Returns undefined for a redelivery: the
 * first copy is already stored and owns the outcome.
 */
export async function recordWebhookDelivery(
  db: Database,
  input: NewWebhookDelivery,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values(input)
    .onConflictDoNothing({ target: [webhookDeliveries.provider, webhookDeliveries.deliveryId] })
    .returning();
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
