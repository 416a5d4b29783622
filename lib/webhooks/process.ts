import type { Database } from '@/db/client';
import type { NewWebhookDelivery, WebhookDelivery } from '@/db/schema';
import {
  recordWebhookDelivery,
  setWebhookDeliveryOutcome,
  type DeliveryOutcomeFields,
} from '@/db/writes/webhook-deliveries';
import { inTransaction } from '@/lib/reconcile';
import { nextAttemptAt } from './backoff';
import { applyGitHubEvent } from './github-events';
import type { DeliveryOutcome } from './outcome';
import { forgetProjects } from './project-lookup';
import { applyVercelEvent } from './vercel-events';
import { vercelEnvelopeSchema } from './vercel-payloads';
import { describeIssues } from './zod-issues';

export type ProcessedDelivery =
  DeliveryOutcome | { status: 'failed'; reason: string; retryAt: Date | null };

type Parsed = Pick<WebhookDelivery, 'provider' | 'event' | 'payload' | 'receivedAt'>;

async function applyDelivery(db: Database, delivery: Parsed): Promise<DeliveryOutcome> {
  if (delivery.provider === 'github') return applyGitHubEvent(db, delivery.event, delivery.payload);
  const envelope = vercelEnvelopeSchema.safeParse(delivery.payload);
  if (!envelope.success) {
    return { status: 'malformed', reason: `Vercel envelope: ${describeIssues(envelope.error)}` };
  }
  return applyVercelEvent(db, envelope.data, delivery.receivedAt);
}

/**
 * The root cause: drizzle wraps a database error in one that quotes the whole query and its
 * parameters, which is long and repeats the payload.
 */
function describe(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}

/** How an attempt ended, as stored on the delivery. */
function outcomeFields(outcome: DeliveryOutcome, attempts: number, now: Date) {
  return {
    status: outcome.status,
    error: outcome.status === 'applied' ? null : outcome.reason,
    attempts,
    processedAt: now,
    nextAttemptAt: null,
  } satisfies DeliveryOutcomeFields;
}

/** A failed attempt: rolled back, with the cause and when to try again (none once used up). */
function failure(error: unknown, attempts: number, now: Date) {
  // The cached project may be what failed (deleted or reconnected since it was read).
  forgetProjects();
  const reason = describe(error);
  const retryAt = nextAttemptAt(attempts, now);
  const fields = {
    status: 'failed',
    error: reason,
    attempts,
    processedAt: now,
    nextAttemptAt: retryAt,
  } satisfies DeliveryOutcomeFields;
  return { fields, outcome: { status: 'failed', reason, retryAt } as const };
}

/**
 * Stores a new delivery and applies it in one transaction. The row goes in already marked
 * applied: it is seen only once the transaction commits, by when any other outcome has been
 * written over it, so a delivery reads applied exactly when its changes are committed. The
 * insert decides duplicates: a redelivery returns undefined and changes nothing (the first copy
 * owns the outcome). A failure rolls everything back and stores the delivery as failed for the
 * retry job.
 */
export async function receiveDelivery(
  db: Database,
  delivery: NewWebhookDelivery & Parsed,
  now: Date,
  /** The body as received: stored as the payload, so a big payload is not serialized again. */
  payloadText?: string,
): Promise<ProcessedDelivery | undefined> {
  const applied = outcomeFields({ status: 'applied', changed: false }, 1, now);
  const row = { ...delivery, payloadText };
  try {
    return await inTransaction(db, async (tx) => {
      const stored = await recordWebhookDelivery(tx, { ...row, ...applied });
      if (!stored) return undefined;
      const outcome = await applyDelivery(tx, delivery);
      if (outcome.status !== 'applied') {
        await setWebhookDeliveryOutcome(tx, stored.id, outcomeFields(outcome, 1, now));
      }
      return outcome;
    });
  } catch (error) {
    const { fields, outcome } = failure(error, 1, now);
    return (await recordWebhookDelivery(db, { ...row, ...fields })) ? outcome : undefined;
  }
}

/**
 * Applies a stored delivery again (the retry job, a replay) and records the outcome in the same
 * transaction. A failure rolls the changes back and marks it failed.
 */
export async function processDelivery(
  db: Database,
  delivery: WebhookDelivery,
  now: Date = new Date(),
): Promise<ProcessedDelivery> {
  const attempts = delivery.attempts + 1;
  try {
    return await inTransaction(db, async (tx) => {
      const outcome = await applyDelivery(tx, delivery);
      await setWebhookDeliveryOutcome(tx, delivery.id, outcomeFields(outcome, attempts, now));
      return outcome;
    });
  } catch (error) {
    const { fields, outcome } = failure(error, attempts, now);
    await setWebhookDeliveryOutcome(db, delivery.id, fields);
    return outcome;
  }
}
