import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '@/lib/providers/errors';
import { ProviderHttpClient, serverWaitMs } from '@/lib/providers/http';
import { recordingSleep } from '@/tests/support/recording-sleep';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function clientAnswering(...answers: (Response | Error)[]) {
  const { sleep, waits } = recordingSleep();
  const seen: Request[] = [];
  const client = new ProviderHttpClient({
    provider: 'neon',
    baseUrl: 'https://api.test/v2/',
    token: 't0k',
    defaultQuery: { org: 'o1', skip: undefined },
    alwaysRetryStatuses: [423],
    sleep,
    now: () => NOW,
    fetch: async (input, init) => {
      seen.push(new Request(input, init));
      const answer = answers.shift() ?? new Response('{}');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { client, waits, seen };
}

const ok = z.object({ ok: z.literal(true) });

describe('serverWaitMs', () => {
  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(serverWaitMs(new Headers({ 'retry-after': '2' }), NOW)).toBe(2000);
    const date = new Date(NOW + 5000).toUTCString();
    expect(serverWaitMs(new Headers({ 'retry-after': date }), NOW)).toBe(5000);
  });

  it('falls back to X-RateLimit-Reset (epoch seconds) once the budget is spent', () => {
    const reset = String(NOW / 1000 + 7);
    expect(serverWaitMs(new Headers({ 'x-ratelimit-reset': reset }), NOW)).toBe(7000);
    const spent = { 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '0' };
    expect(serverWaitMs(new Headers(spent), NOW)).toBe(7000);
    const left = { 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '12' };
    expect(serverWaitMs(new Headers(left), NOW)).toBeUndefined();
  });
});

describe('ProviderHttpClient', () => {
  it('joins the base URL and path, sends the token and the default query', async () => {
    const { client, seen } = clientAnswering(Response.json({ ok: true }));
    await client.request({ operation: 'probe', path: '/things', query: { a: 1 }, schema: ok });
    expect(seen[0]!.url).toBe('https://api.test/v2/things?org=o1&a=1');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer t0k');
  });

  it('retries network errors and 423 Locked, counting each attempt', async () => {
    const { client, waits } = clientAnswering(
      new TypeError('fetch failed'),
      Response.json({ code: 'locked', message: 'busy' }, { status: 423 }),
      Response.json({ ok: true }),
    );
    const result = await client.request({
      operation: 'probe',
      method: 'DELETE',
      path: '/x',
      schema: ok,
    });
    expect(result.data).toEqual({ ok: true });
    expect(client.callsSpent).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('retries a read whose connection drops in the middle of the body', async () => {
    const cut = new ReadableStream({
      start: (controller) => controller.error(new TypeError('terminated')),
    });
    const { client } = clientAnswering(new Response(cut), Response.json({ ok: true }));
    const result = await client.request({ operation: 'probe', path: '/x', schema: ok });
    expect(result.data).toEqual({ ok: true });
    expect(client.callsSpent).toBe(2);
  });

  it('fails at once when the server asks for a longer wait than the client allows', async () => {
    const { client, waits } = clientAnswering(
      new Response('{}', { status: 429, headers: { 'retry-after': '3600' } }),
    );
    const error = await client.request({ operation: 'probe', path: '/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'probe', status: 429, retryable: true });
    expect(waits).toEqual([]);
  });

  it('names the call and the error body on a client error, without retrying', async () => {
    const { client } = clientAnswering(
      Response.json({ code: 'NOT_FOUND', message: 'branch not found' }, { status: 404 }),
    );
    const error = await client.request({ operation: 'getBranch', path: '/b' }).catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'neon', operation: 'getBranch', retryable: false });
    expect((error as Error).message).toBe(
      'neon getBranch failed: HTTP 404 NOT_FOUND: branch not found',
    );
    expect(client.callsSpent).toBe(1);
  });

  it('refuses a response that does not match its schema instead of casting it', async () => {
    const { client } = clientAnswering(Response.json({ ok: 'yes' }));
    const error = await client
      .request({ operation: 'probe', path: '/x', schema: ok })
      .catch((e) => e);
    expect(error).toMatchObject({ operation: 'probe', retryable: false });
    expect((error as Error).message).toContain('unexpected response (ok:');
  });

  it('turns a timeout into a retryable error once the retries are spent', async () => {
    const timeout = new DOMException('timed out', 'TimeoutError');
    const { client } = clientAnswering(timeout, timeout, timeout, timeout, timeout);
    const error = await client.request({ operation: 'probe', path: '/x' }).catch((e) => e);
    expect(error).toMatchObject({ retryable: true, status: undefined });
    expect((error as Error).message).toContain('request timed out');
    expect(client.callsSpent).toBe(5);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const { client } = clientAnswering();
    for (let attempt = 0; attempt < 10; attempt++) {
      const delay = client.delay(attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(8000, 250 * 2 ** attempt));
    }
  });
});
