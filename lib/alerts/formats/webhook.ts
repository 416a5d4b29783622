import { createHmac } from 'node:crypto';
import type { AlertBody } from '@/lib/domain/alerts';

/** The generic webhook's payload version; a change a receiver must handle raises it. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

export const SIGNATURE_HEADER = 'X-Envboard-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * The generic webhook's JSON, documented in the README: the alert as the board holds it, under a
 * version, with the message's idempotency key as its id (the same on every retry).
 */
export function webhookPayload(body: AlertBody, messageId: string) {
  return {
    version: WEBHOOK_PAYLOAD_VERSION,
    id: messageId,
    event: body.event,
    rule: body.rule,
    severity: body.severity,
    title: body.title,
    summary: body.summary,
    environment: body.environment ?? null,
    fields: body.fields,
    links: body.links,
    occurredAt: body.occurredAt,
  };
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`: the time is signed with the body,
 * so a receiver can refuse an old request replayed later (as Stripe's webhooks do).
 */
export function signWebhook(rawBody: string, secret: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const digest = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}
