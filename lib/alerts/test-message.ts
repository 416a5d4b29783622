import type { Database } from '@/db/client';
import { getAlertChannel } from '@/db/queries/alert-channels';
import { getAlertMessage } from '@/db/queries/alert-history';
import { enqueueAlertMessages } from '@/db/writes';
import { CHANNEL_TEST_RULE, type AlertBody } from '@/lib/domain/alerts';
import { openChannel } from './channel-secrets';
import { deliverMessage } from './deliver';
import type { Fetch, SendResult } from './send';

/**
 * "Send test": a test message stored in the outbox like any other (so the history shows it),
 * then sent at once, a single attempt, and its result handed back to show. Undefined when the
 * project has no such channel.
 */
export async function sendTestAlert(
  db: Database,
  who: { projectId: number; login: string },
  channelId: number,
  options: { key: Buffer; now?: Date; boardUrl?: string; fetch?: Fetch },
): Promise<SendResult | undefined> {
  const now = options.now ?? new Date();
  const row = await getAlertChannel(db, channelId, who.projectId);
  if (!row) return undefined;
  const body: AlertBody = {
    rule: CHANNEL_TEST_RULE,
    event: 'test',
    severity: 'info',
    title: `Test message for "${row.name}"`,
    summary: `@${who.login} sent this from envboard's Alerts page to check that the channel receives alerts.`,
    fields: [{ label: 'Channel', value: row.name }],
    links: options.boardUrl ? [{ label: 'Alerts', url: `${options.boardUrl}/alerts` }] : [],
    occurredAt: now.toISOString(),
  };
  const [id] = await enqueueAlertMessages(db, {
    projectId: who.projectId,
    dedupeKey: `${CHANNEL_TEST_RULE}:${channelId}`,
    body,
    channelIds: [channelId],
  });
  if (id === undefined) {
    return {
      ok: false,
      status: null,
      error: 'A test was just sent; try again.',
      retryAfterMs: null,
    };
  }
  const message = (await getAlertMessage(db, id))!;
  const result = await deliverMessage(db, openChannel(row, options.key), message, {
    now,
    fetch: options.fetch,
  });
  return result.send;
}
