import type { Database } from '@/db/client';
import type { WebhookDelivery } from '@/db/schema';
import { setWebhookDeliveryOutcome } from '@/db/writes/webhook-deliveries';
import { inTransaction } from '@/lib/reconcile';
import { nextAttemptAt } from './backoff';
import { applyGitHubEvent } from './github-events';
import type { DeliveryOutcome } from './outcome';
import { applyVercelEvent } from './vercel-events';
import { vercelEnvelopeSchema } from './vercel-payloads';
import { describeIssues } from './zod-issues';

export type ProcessedDelivery =
  DeliveryOutcome | { status: 'failed'; reason: string; retryAt: Date | null };

async function applyDelivery(db: Database, delivery: WebhookDelivery): Promise<DeliveryOutcome> {
  if (delivery.provider === 'github') return applyGitHubEvent(db, delivery.event, delivery.payload);
  const envelope = vercelEnvelopeSchema.safeParse(delivery.payload);
  if (!envelope.success) {
    return { status: 'malformed', reason: `Vercel envelope: ${describeIssues(envelope.error)}` };
  }
  return applyVercelEvent(db, envelope.data);
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

/**
 * Applies a stored delivery and records the outcome in the same transaction, so a delivery is
 * marked applied exactly when its changes are committed. A failure rolls the changes back and
 * marks it failed with the error and when to try again (none once the attempts are used up).
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
      await setWebhookDeliveryOutcome(tx, delivery.id, {
        status: outcome.status,
        error: outcome.status === 'applied' ? null : outcome.reason,
        attempts,
        processedAt: now,
        nextAttemptAt: null,
      });
      return outcome;
    });
  } catch (error) {
    const reason = describe(error);
    const retryAt = nextAttemptAt(attempts, now);
    await setWebhookDeliveryOutcome(db, delivery.id, {
      status: 'failed',
      error: reason,
      attempts,
      processedAt: now,
      nextAttemptAt: retryAt,
    });
    return { status: 'failed', reason, retryAt };
  }
}
