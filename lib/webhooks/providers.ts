import { createHash } from 'node:crypto';
import { checkGitHubSignature } from './github-signature';
import { vercelEnvelopeSchema } from './vercel-payloads';
import { verifyVercelSignature } from './vercel-signature';

export type SignatureCheck = 'valid' | 'missing' | 'invalid';

/** What identifies a delivery: the provider's delivery id, its event and action. */
export interface DeliveryIdentity {
  deliveryId: string;
  event: string;
  action: string | null;
}

/** How one provider signs and names its webhooks; the receiver does the rest the same way. */
export interface WebhookProvider {
  name: 'github' | 'vercel';
  secretVariable: string;
  signatureHeader: string;
  verify: (secret: string, rawBody: string, headers: Headers) => Promise<SignatureCheck>;
  /** Identity of a delivery whose JSON parsed; a string says what is missing. */
  identify: (headers: Headers, json: unknown, rawBody: string) => DeliveryIdentity | string;
  /** Identity to store an unparseable body under. */
  identifyMalformed: (headers: Headers, rawBody: string) => DeliveryIdentity;
}

/** A body without an id of its own is stored under its hash: the same bytes twice are one delivery. */
export const bodyHashId = (rawBody: string) =>
  `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;

const actionOf = (json: unknown) => {
  const action = (json as { action?: unknown } | null)?.action;
  return typeof action === 'string' ? action : null;
};

export const github: WebhookProvider = {
  name: 'github',
  secretVariable: 'GITHUB_WEBHOOK_SECRET',
  signatureHeader: 'X-Hub-Signature-256',
  verify: (secret, rawBody, headers) =>
    checkGitHubSignature(secret, rawBody, headers.get('x-hub-signature-256')),
  identify: (headers, json, rawBody) => {
    const event = headers.get('x-github-event');
    if (!event) return 'the X-GitHub-Event header is missing';
    return {
      deliveryId: headers.get('x-github-delivery') ?? bodyHashId(rawBody),
      event,
      action: actionOf(json),
    };
  },
  identifyMalformed: (headers, rawBody) => ({
    deliveryId: headers.get('x-github-delivery') ?? bodyHashId(rawBody),
    event: headers.get('x-github-event') ?? 'unknown',
    action: null,
  }),
};

export const vercel: WebhookProvider = {
  name: 'vercel',
  secretVariable: 'VERCEL_WEBHOOK_SECRET',
  signatureHeader: 'x-vercel-signature',
  verify: async (secret, rawBody, headers) =>
    verifyVercelSignature(rawBody, headers.get('x-vercel-signature'), secret),
  identify: (_headers, json) => {
    const envelope = vercelEnvelopeSchema.safeParse(json);
    if (!envelope.success)
      return 'the body is not a Vercel webhook envelope {id, type, createdAt, payload}';
    return { deliveryId: envelope.data.id, event: envelope.data.type, action: null };
  },
  identifyMalformed: (_headers, rawBody) => ({
    deliveryId: bodyHashId(rawBody),
    event: 'unknown',
    action: null,
  }),
};
