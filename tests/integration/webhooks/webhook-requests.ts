import { createHmac, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@/db/client';
import { type WebhookDelivery, webhookDeliveries } from '@/db/schema';

export const GITHUB_SECRET = 'github-test-secret';
export const VERCEL_SECRET = 'vercel-test-secret';

/** The route handlers use the process-wide handle and secrets; point them at this test's. */
export function useForRoutes(handle: DatabaseHandle): () => void {
  const cache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
  cache.envboardDatabase = handle;
  process.env.GITHUB_WEBHOOK_SECRET = GITHUB_SECRET;
  process.env.VERCEL_WEBHOOK_SECRET = VERCEL_SECRET;
  return () => {
    cache.envboardDatabase = undefined;
    delete process.env.GITHUB_WEBHOOK_SECRET;
    delete process.env.VERCEL_WEBHOOK_SECRET;
  };
}

export const githubSignature = (body: string, secret = GITHUB_SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export function githubRequest(
  event: string,
  payload: unknown,
  options: { deliveryId?: string; signature?: string | null; body?: string } = {},
): Request {
  const body = options.body ?? JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': options.deliveryId ?? randomUUID(),
  };
  const signature = options.signature === undefined ? githubSignature(body) : options.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return new Request('http://localhost/api/webhooks/github', { method: 'POST', headers, body });
}

export const vercelSignature = (body: string, secret = VERCEL_SECRET) =>
  createHmac('sha1', secret).update(body).digest('hex');

export function vercelRequest(
  envelope: unknown,
  options: { signature?: string | null; body?: string } = {},
): Request {
  const body = options.body ?? JSON.stringify(envelope);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? vercelSignature(body) : options.signature;
  if (signature !== null) headers['x-vercel-signature'] = signature;
  return new Request('http://localhost/api/webhooks/vercel', { method: 'POST', headers, body });
}

export async function deliveriesFor(db: Database, deliveryId: string): Promise<WebhookDelivery[]> {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, deliveryId));
}

export async function deliveryCount(db: Database): Promise<number> {
  return (await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)).length;
}
