import { afterEach, describe, expect, it } from 'vitest';
import { Faults } from '@/sandbox/http/faults';
import { json, Router, type RunningServer, startServer } from '@/sandbox/http/server';

const errorBody = (status: number, message: string) => ({ message, code: status });

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(faults: Faults): Promise<string> {
  const router = new Router()
    .on('GET', '/things/:id', (request) => json(200, { id: request.params.id }))
    .on('POST', '/control/reset', () => json(204, undefined));
  running = await startServer({ router, errorBody, middleware: [faults.middleware] });
  return running.baseUrl;
}

async function statuses(baseUrl: string, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}/things/${i}`);
    await response.arrayBuffer();
    seen.push(response.status);
  }
  return seen;
}

describe('sandbox HTTP server', () => {
  it('routes by method and path, decodes params and answers unknown paths with the provider error body', async () => {
    const baseUrl = await serve(new Faults({ errorBody }));
    expect(await (await fetch(`${baseUrl}/things/a%2Fb`)).json()).toEqual({ id: 'a/b' });
    const missing = await fetch(`${baseUrl}/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Not Found', code: 404 });
    const wrongMethod = await fetch(`${baseUrl}/things/1`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
  });

  it('answers malformed JSON with 400', async () => {
    const baseUrl = await serve(new Faults({ errorBody }));
    const response = await fetch(`${baseUrl}/control/reset`, { method: 'POST', body: '{' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Problems parsing JSON', code: 400 });
  });
});

describe('fault switches', () => {
  it('answers every request with a 5xx in the provider error shape at error rate 1', async () => {
    const faults = new Faults({ errorBody, seed: 1 });
    faults.configure({ errorRate: 1 });
    const baseUrl = await serve(faults);
    const response = await fetch(`${baseUrl}/things/1`);
    expect([500, 502, 503]).toContain(response.status);
    expect(await response.json()).toEqual({
      message: 'Injected server error',
      code: response.status,
    });
    expect(faults.counts.serverErrors).toBe(1);
  });

  it('injects the same errors for the same seed, and roughly the configured share', async () => {
    const first = new Faults({ errorBody, seed: 42 });
    first.configure({ errorRate: 0.3 });
    const firstRun = await statuses(await serve(first), 60);
    await running?.close();

    const second = new Faults({ errorBody, seed: 42 });
    second.configure({ errorRate: 0.3 });
    const secondRun = await statuses(await serve(second), 60);

    expect(secondRun).toEqual(firstRun);
    const failed = firstRun.filter((status) => status >= 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
  });

  it('reset() restarts the seeded sequence and zeroes the counts', async () => {
    const faults = new Faults({ errorBody, seed: 7 });
    faults.configure({ errorRate: 0.5 });
    const baseUrl = await serve(faults);
    const before = await statuses(baseUrl, 20);
    faults.reset();
    expect(faults.counts.serverErrors).toBe(0);
    faults.configure({ errorRate: 0.5 });
    expect(await statuses(baseUrl, 20)).toEqual(before);
  });

  it('refuses a burst of requests with 429 and Retry-After, then lets requests through', async () => {
    const faults = new Faults({
      errorBody,
      rateLimitHeaders: () => ({ 'x-ratelimit-remaining': '0' }),
    });
    faults.rateLimitBurst({ requests: 2, retryAfterSeconds: 3 });
    const baseUrl = await serve(faults);

    const refused = await fetch(`${baseUrl}/things/1`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await refused.json()).code).toBe(429);
    expect(await statuses(baseUrl, 3)).toEqual([429, 200, 200]);
    expect(faults.counts.rateLimited).toBe(2);
  });

  it('can answer a burst with 403, as GitHub does for some secondary limits', async () => {
    const faults = new Faults({ errorBody });
    faults.rateLimitBurst({ requests: 1, retryAfterSeconds: 0, status: 403 });
    expect(await statuses(await serve(faults), 2)).toEqual([403, 200]);
  });

  it('adds the configured latency to every request', async () => {
    const faults = new Faults({ errorBody });
    faults.configure({ latencyMs: 60 });
    const baseUrl = await serve(faults);
    const started = performance.now();
    await statuses(baseUrl, 2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(faults.counts.delayed).toBe(2);
  });

  it('never touches exempt requests', async () => {
    const faults = new Faults({
      errorBody,
      exempt: (request) => request.path.startsWith('/control'),
    });
    faults.configure({ errorRate: 1 });
    const baseUrl = await serve(faults);
    const response = await fetch(`${baseUrl}/control/reset`, { method: 'POST' });
    expect(response.status).toBe(204);
    expect(await statuses(baseUrl, 1)).not.toEqual([200]);
  });
});
