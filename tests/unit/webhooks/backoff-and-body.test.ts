import { describe, expect, test } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from '@/lib/webhooks/backoff';
import { readBodyWithin } from '@/lib/webhooks/body';
import { bodyHashId, github, vercel } from '@/lib/webhooks/providers';

const now = new Date('2026-03-01T00:00:00Z');
const minutesLater = (date: Date | null) => (date!.getTime() - now.getTime()) / 60_000;

describe('retry backoff', () => {
  test('waits 1, 4, 16 minutes… after each failed attempt, capped at six hours', () => {
    expect(minutesLater(nextAttemptAt(1, now))).toBe(1);
    expect(minutesLater(nextAttemptAt(2, now))).toBe(4);
    expect(minutesLater(nextAttemptAt(3, now))).toBe(16);
    expect(minutesLater(nextAttemptAt(5, now))).toBe(256);
  });

  test('gives up once the attempts are used up', () => {
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, now)).toBeNull();
  });
});

function streamed(bytes: number, contentLength?: string): Request {
  const chunk = new Uint8Array(1024).fill(97);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk.length, bytes - sent);
      sent += size;
      controller.enqueue(chunk.slice(0, size));
    },
  });
  const headers = contentLength ? { 'content-length': contentLength } : undefined;
  return new Request('http://localhost/hook', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
}

describe('reading a webhook body', () => {
  test('a body within the limit is read whole as UTF-8', async () => {
    const request = new Request('http://localhost/hook', { method: 'POST', body: '{"é":1}' });
    expect(await readBodyWithin(request, 100)).toEqual({ ok: true, text: '{"é":1}' });
  });

  test('an announced length over the limit is refused before reading', async () => {
    const read = await readBodyWithin(streamed(10, '5000'), 4096);
    expect(read).toEqual({ ok: false, reason: 'content-length 5000 is over the 4096-byte limit' });
  });

  test('more bytes than the limit are refused even when no length was announced', async () => {
    const read = await readBodyWithin(streamed(5000), 4096);
    expect(read).toEqual({ ok: false, reason: 'the body is over the 4096-byte limit' });
  });

  test('more bytes than the limit are refused when the announced length is understated', async () => {
    const read = await readBodyWithin(streamed(5000, '100'), 4096);
    expect(read.ok).toBe(false);
  });
});

describe('delivery identity', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  test('GitHub names the delivery and event in headers and the action in the body', () => {
    expect(
      github.identify(
        headers({ 'x-github-event': 'pull_request', 'x-github-delivery': 'guid-1' }),
        { action: 'opened' },
        '{}',
      ),
    ).toEqual({ deliveryId: 'guid-1', event: 'pull_request', action: 'opened' });
    expect(github.identify(headers({}), {}, '{}')).toBe('the X-GitHub-Event header is missing');
    // Without a delivery header the same bytes still count as one delivery.
    expect(github.identify(headers({ 'x-github-event': 'push' }), {}, '{}')).toEqual({
      deliveryId: bodyHashId('{}'),
      event: 'push',
      action: null,
    });
  });

  test('Vercel names the delivery in the envelope; an unparseable body is stored under its hash', () => {
    expect(
      vercel.identify(
        headers({}),
        { id: 'evt_1', type: 'deployment.created', createdAt: 1, payload: {} },
        '',
      ),
    ).toEqual({ deliveryId: 'evt_1', event: 'deployment.created', action: null });
    expect(vercel.identifyMalformed(headers({}), '{oops')).toEqual({
      deliveryId: bodyHashId('{oops'),
      event: 'unknown',
      action: null,
    });
    expect(bodyHashId('{oops')).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
