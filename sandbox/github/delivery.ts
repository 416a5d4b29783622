import { randomUUID } from 'node:crypto';
import { Webhooks } from '@octokit/webhooks';
import { WebhookSender } from '../http/webhook-sender';
import type { Json } from './examples';

export interface WebhookSettings {
  /** envboard's `/api/webhooks/github`; without it webhooks queue but are not sent. */
  url?: string;
  /** Without a secret GitHub sends no signature header, and neither does the sandbox. */
  secret?: string;
  seed?: number;
  /** Send on their own this many ms after a change; tests leave it unset and call flush(). */
  autoFlushMs?: number;
}

export const HOOK_ID = '400000001';

/** A WebhookSender that signs like GitHub: `X-Hub-Signature-256: sha256=<HMAC of the body>`. */
export function githubWebhookSender(settings: WebhookSettings): WebhookSender {
  const signer = settings.secret ? new Webhooks({ secret: settings.secret }) : undefined;
  return new WebhookSender({
    target: settings.url,
    seed: settings.seed,
    autoFlushMs: settings.autoFlushMs,
    sign: async (body) =>
      signer ? { 'x-hub-signature-256': await signer.sign(body) } : ({} as Record<string, string>),
  });
}

export function githubDelivery(event: string, payload: Json, repositoryId: number) {
  const id = randomUUID();
  return {
    id,
    payload,
    headers: {
      'user-agent': 'GitHub-Hookshot/sandbox',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-github-hook-id': HOOK_ID,
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': String(repositoryId),
    },
  };
}
