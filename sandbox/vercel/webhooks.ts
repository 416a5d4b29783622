import { createHmac, randomUUID } from 'node:crypto';
import { WebhookSender } from '../http/webhook-sender';

/**
 * Vercel's webhook envelope `{type, id, createdAt, region, payload}`, signed like Vercel signs
 * it: `x-vercel-signature` = hex HMAC-SHA1 of the raw body
 * (https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks). Signed here with Node
 * crypto directly, not envboard's verifier, so a test proves the two agree.
 */
export interface VercelWebhookOptions {
  secret: string;
  target?: string;
  seed?: number;
  autoFlushMs?: number;
}

export function createVercelWebhookSender(options: VercelWebhookOptions): WebhookSender {
  return new WebhookSender({
    target: options.target,
    seed: options.seed,
    autoFlushMs: options.autoFlushMs,
    sign: (rawBody) => ({
      'x-vercel-signature': createHmac('sha1', options.secret).update(rawBody).digest('hex'),
    }),
  });
}

export function vercelEvent(type: string, payload: unknown, createdAt: number) {
  const id = `evt_${randomUUID().replaceAll('-', '')}`;
  return { id, headers: {}, payload: { type, id, createdAt, region: null, payload } };
}
