import { afterEach, describe, expect, it } from 'vitest';
import { json, Router, type RunningServer, startServer } from '@/sandbox/http/server';
import { type OutgoingWebhook, WebhookSender } from '@/sandbox/http/webhook-sender';

interface Received {
  id: string;
  signature: string | undefined;
  body: string;
}

let receiver: RunningServer | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function startReceiver(status = 200): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const router = new Router().on('POST', '/hook', (request) => {
    received.push({
      id: String(request.headers['x-delivery']),
      signature: request.headers['x-signature'] as string | undefined,
      body: request.rawBody,
    });
    return json(status, { ok: true });
  });
  receiver = await startServer({ router, errorBody: (_, message) => ({ message }) });
  return { url: `${receiver.baseUrl}/hook`, received };
}

const sign = (body: string) => ({ 'x-signature': `len=${body.length}` });

function webhooks(count: number): OutgoingWebhook[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    payload: { n: i },
    headers: { 'x-delivery': `d${i}` },
  }));
}

async function sendWith(seed: number, switches: Parameters<WebhookSender['configure']>[0]) {
  const { url, received } = await startReceiver();
  const sender = new WebhookSender({ sign, target: url, seed });
  sender.configure(switches);
  for (const webhook of webhooks(50)) sender.enqueue(webhook);
  await sender.flush();
  await receiver?.close();
  receiver = undefined;
  return { ids: received.map((r) => r.id), sender };
}

describe('webhook sender', () => {
  it('POSTs each webhook in order with its headers and the signature over the exact body', async () => {
    const { url, received } = await startReceiver(202);
    const sender = new WebhookSender({ sign, target: url });
    for (const webhook of webhooks(3)) sender.enqueue(webhook);
    expect(sender.pending).toBe(3);
    const attempts = await sender.flush();
    expect(received.map((r) => r.id)).toEqual(['d0', 'd1', 'd2']);
    expect(received[0]).toEqual({ id: 'd0', signature: 'len=7', body: '{"n":0}' });
    expect(attempts.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(sender.pending).toBe(0);
  });

  it('drops, duplicates and reorders deterministically for a seed', async () => {
    const switches = { dropRate: 0.3, duplicateRate: 0.1, reorderWindow: 5 };
    const first = await sendWith(9, switches);
    const second = await sendWith(9, switches);
    expect(second.ids).toEqual(first.ids);

    const unique = new Set(first.ids);
    expect(first.sender.dropped.length).toBe(50 - unique.size);
    expect(first.sender.dropped.length).toBeGreaterThan(5);
    const duplicates = first.sender.attempts.filter((a) => a.duplicate).length;
    expect(first.ids.length).toBe(unique.size + duplicates);
    expect(first.ids).not.toEqual([...first.ids].sort((a, b) => +a.slice(1) - +b.slice(1)));
  });

  it('a duplicate keeps the delivery id of the original', async () => {
    const { ids, sender } = await sendWith(3, { duplicateRate: 1 });
    expect(ids.length).toBe(100);
    expect(ids.slice(0, 4)).toEqual(['d0', 'd0', 'd1', 'd1']);
    expect(sender.dropped).toEqual([]);
  });

  it('keeps reordering within the window', async () => {
    const { ids } = await sendWith(5, { reorderWindow: 10 });
    for (let start = 0; start < 50; start += 10) {
      const window = ids.slice(start, start + 10).map((id) => Number(id.slice(1)));
      expect(Math.min(...window)).toBe(start);
      expect(Math.max(...window)).toBe(start + 9);
    }
  });

  it('records an unreachable receiver instead of throwing', async () => {
    const sender = new WebhookSender({ sign, target: 'http://127.0.0.1:9/hook', timeoutMs: 2000 });
    sender.enqueue(webhooks(1)[0] as OutgoingWebhook);
    const [attempt] = await sender.flush();
    expect(attempt?.status).toBeUndefined();
    expect(attempt?.error).toBeTruthy();
  });

  it('sends on its own after autoFlushMs', async () => {
    const { url, received } = await startReceiver();
    const sender = new WebhookSender({ sign, target: url, autoFlushMs: 5 });
    for (const webhook of webhooks(2)) sender.enqueue(webhook);
    await expect.poll(() => received.length, { timeout: 2000 }).toBe(2);
  });
});
