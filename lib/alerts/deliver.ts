import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '@/db/client';
import { getAlertChannel } from '@/db/queries/alert-channels';
import type { AlertMessage } from '@/db/schema';
import { claimDueAlertMessages, deferAlertMessages, recordAlertAttempt } from '@/db/writes';
import type { AlertBody, AlertChannelKind } from '@/lib/domain/alerts';
import { nextAttemptAt } from '@/lib/webhooks/backoff';
import { openChannel, type OpenChannel } from './channel-secrets';
import { alertEncryptionKey } from './encryption-key';
import { type Fetch, sendAlert, type SendResult } from './send';

/** Messages one run sends at most; the rest wait for the next run. */
const DEFAULT_LIMIT = 100;
/** How long a claimed message is hidden from another run; longer than a run's sends take. */
const LEASE_MS = 5 * 60_000;

/**
 * The least time between two messages to one channel of a kind: Slack allows about one message
 * a second per incoming webhook (https://api.slack.com/apis/rate-limits#incoming-webhooks);
 * Discord's webhooks allow a few a second and say so with 429 and Retry-After.
 */
const PACE_MS: Record<AlertChannelKind, number> = { slack: 1000, discord: 500, webhook: 0 };

export interface DeliveryOptions {
  now?: Date;
  limit?: number;
  /** The channels' key; read from the settings when not given. */
  encryptionKey?: Buffer;
  fetch?: Fetch;
}

export interface DeliverySummary {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * The outbox dispatcher the alerts cron runs: sends every due pending message once, under its
 * idempotency key, and records each attempt. A failed send is retried with backoff (1, 4, 16…
 * minutes) until the last attempt marks it failed. Channels are served side by side and each in
 * the order its messages were stored, so a channel that fails or is slow never holds another.
 */
export async function deliverDueAlertMessages(
  db: Database,
  options: DeliveryOptions = {},
): Promise<DeliverySummary> {
  const now = options.now ?? new Date();
  const key = options.encryptionKey ?? alertEncryptionKey();
  const claimed = await claimDueAlertMessages(db, now, options.limit ?? DEFAULT_LIMIT, LEASE_MS);
  const byChannel = new Map<number | null, AlertMessage[]>();
  for (const message of claimed) {
    byChannel.set(message.channelId, [...(byChannel.get(message.channelId) ?? []), message]);
  }
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  await Promise.all(
    [...byChannel].map(async ([channelId, messages]) => {
      const counts = await deliverToChannel(db, channelId, messages, { ...options, now, key });
      summary.sent += counts.sent;
      summary.retrying += counts.retrying;
      summary.failed += counts.failed;
    }),
  );
  return summary;
}

type ChannelRun = DeliveryOptions & { now: Date; key: Buffer };

async function deliverToChannel(
  db: Database,
  channelId: number | null,
  messages: AlertMessage[],
  run: ChannelRun,
): Promise<DeliverySummary> {
  const counts: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  const row = channelId === null ? undefined : await getAlertChannel(db, channelId);
  const refusal = !row
    ? 'the channel was deleted'
    : !row.enabled
      ? 'the channel is disabled'
      : null;
  let channel: OpenChannel | null = null;
  let openError: string | null = refusal;
  if (row && !refusal) {
    try {
      channel = openChannel(row, run.key);
    } catch (error) {
      openError = (error as Error).message;
    }
  }
  for (const [index, message] of messages.entries()) {
    if (!channel) {
      // Nothing can be sent to it: each message ends failed with the reason, none is retried.
      await recordAlertAttempt(db, message, {
        at: run.now,
        status: null,
        error: openError,
        result: { sent: false, retryAt: null },
      });
      counts.failed += 1;
      continue;
    }
    if (index > 0 && PACE_MS[channel.kind] > 0) await sleep(PACE_MS[channel.kind]);
    const result = await deliverMessage(db, channel, message, run);
    if (result.sent) {
      counts.sent += 1;
      continue;
    }
    if (!result.retryAt) {
      counts.failed += 1;
      continue;
    }
    // The rest of this channel's messages wait behind the one that failed, in order.
    counts.retrying += 1;
    const waiting = messages.slice(index + 1).map((later) => later.id);
    await deferAlertMessages(db, waiting, result.retryAt);
    break;
  }
  return counts;
}

/**
 * Sends one stored message to its open channel and records the attempt: sent, to be retried at
 * `retryAt`, or (after the last attempt, or at once for a test message) failed.
 */
export async function deliverMessage(
  db: Database,
  channel: OpenChannel,
  message: AlertMessage,
  run: { now: Date; fetch?: Fetch },
): Promise<
  { sent: true; send: SendResult } | { sent: false; retryAt: Date | null; send: SendResult }
> {
  const send = await sendAlert(
    channel,
    message.body as unknown as AlertBody,
    message.idempotencyKey,
    run.fetch,
  );
  const attempts = message.attempts + 1;
  if (send.ok) {
    await recordAlertAttempt(db, message, { ...attemptOf(send, run.now), result: { sent: true } });
    return { sent: true, send };
  }
  // A test shows its one result to the person who asked; it is never retried behind their back.
  let retryAt = message.event === 'test' ? null : nextAttemptAt(attempts, run.now);
  if (retryAt && send.retryAfterMs !== null) {
    retryAt = new Date(Math.max(retryAt.getTime(), run.now.getTime() + send.retryAfterMs));
  }
  await recordAlertAttempt(db, message, {
    ...attemptOf(send, run.now),
    result: { sent: false, retryAt },
  });
  return { sent: false, retryAt, send };
}

const attemptOf = (send: SendResult, at: Date) => ({ at, status: send.status, error: send.error });
