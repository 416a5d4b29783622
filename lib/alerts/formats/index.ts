import type { AlertBody, AlertChannelKind } from '@/lib/domain/alerts';
import { discordMessage } from './discord';
import { slackMessage } from './slack';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook, webhookPayload } from './webhook';

export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * The HTTP request one message makes to one channel: its format's JSON, the idempotency key
 * (Slack and Discord ignore it; the generic webhook's receiver dedupes on it) and, for a generic
 * webhook, the signature.
 */
export function requestFor(
  channel: { kind: AlertChannelKind; signingSecret: string | null },
  body: AlertBody,
  idempotencyKey: string,
  now: Date,
): OutgoingRequest {
  const json =
    channel.kind === 'slack'
      ? slackMessage(body)
      : channel.kind === 'discord'
        ? discordMessage(body)
        : webhookPayload(body, idempotencyKey);
  const raw = JSON.stringify(json);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'envboard-alerts',
    [IDEMPOTENCY_HEADER]: idempotencyKey,
  };
  if (channel.kind === 'webhook') {
    if (!channel.signingSecret) throw new Error('A webhook channel has no signing secret.');
    headers[SIGNATURE_HEADER] = signWebhook(raw, channel.signingSecret, now);
  }
  return { body: raw, headers };
}
