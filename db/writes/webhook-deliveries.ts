import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { compiledPerShape } from '../compiled-statement';
import { type NewWebhookDelivery, type WebhookDelivery, webhookDeliveries } from '../schema';

export type DeliveryRecord = NewWebhookDelivery & {
  /** The payload as received, stored as is (the database parses it); replaces `payload`. */
  payloadText?: string;
};

const insertDelivery = compiledPerShape<DeliveryRecord, { id: number }>(
  (db, { payloadText, payload, ...values }) =>
    db
      .insert(webhookDeliveries)
      .values({ ...values, payload: payloadText ? sql`${payloadText}::jsonb` : payload })
      .onConflictDoNothing({ target: [webhookDeliveries.provider, webhookDeliveries.deliveryId] })
      .returning({ id: webhookDeliveries.id }),
);

/**
 * Stores a delivery once per (provider, delivery id) and returns its id; undefined for a
 * redelivery: the first copy is already stored and owns the outcome. Only the id comes back: a
 * payload is often tens of kilobytes, and the caller has it already. Every webhook runs this, so
 * its SQL is built once per shape.
 */
export async function recordWebhookDelivery(
  db: Database,
  input: DeliveryRecord,
): Promise<{ id: number } | undefined> {
  const [row] = await insertDelivery(db, input);
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
