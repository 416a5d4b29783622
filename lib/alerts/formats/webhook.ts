import type { AlertBody } from '@/lib/domain/alerts';
import { SEED_HOOK_SIGNATURE_HEADER, seedHookSignature } from '@/lib/operations/seed-hook';

/** The generic webhook's payload version; a change a receiver must handle raises it. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/** The seed hook's header and scheme: one signature for everything envboard sends out. */
export const SIGNATURE_HEADER = SEED_HOOK_SIGNATURE_HEADER;
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
 * so a receiver can refuse an old request replayed later.
 */
export function signWebhook(rawBody: string, secret: string, at: Date): string {
  return seedHookSignature(secret, rawBody, at);
}
