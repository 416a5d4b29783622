import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNeonSandbox, type NeonSandbox } from '@/sandbox/neon';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';

/**
 * The emulators' wire format seen without envboard's clients: paths with their version
 * prefixes, status codes, empty bodies and each provider's error body
 * (https://vercel.com/docs/rest-api,
 * https://api-docs.neon.tech/reference/getting-started-with-neon-api).
 */

let vercel: VercelSandbox;
let neon: NeonSandbox;
const vercelAuth = { authorization: 'Bearer v' };
const neonAuth = { authorization: 'Bearer n', 'content-type': 'application/json' };

beforeAll(async () => {
  vercel = await startVercelSandbox({ token: 'v', webhookSecret: 's' });
  neon = await startNeonSandbox({ apiKey: 'n', projectId: 'wire-test', operationMs: 60_000 });
});
afterAll(async () => {
  await vercel.close();
  await neon.close();
});

describe('Vercel sandbox wire format', () => {
  it('answers a promote with 201 and an empty body', async () => {
    const project = vercel.store.addProject({ id: 'prj_w', name: 'wire' });
    const deployment = vercel.store.addDeployment({ projectId: project.id });
    const url = `${vercel.baseUrl}/v10/projects/${project.id}/promote/${deployment.id}`;
    const response = await fetch(url, { method: 'POST', headers: vercelAuth });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
  });

  it('answers errors as {error:{code,message}}', async () => {
    const missing = await fetch(`${vercel.baseUrl}/v13/deployments/dpl_nope`, {
      headers: vercelAuth,
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'Deployment not found' },
    });
    const anonymous = await fetch(`${vercel.baseUrl}/v9/projects/prj_w`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('serves billing charges as JSONL and refuses a range over a year', async () => {
    const query = 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
    const ok = await fetch(`${vercel.baseUrl}/v1/billing/charges?${query}`, {
      headers: vercelAuth,
    });
    expect(ok.headers.get('content-type')).toBe('application/jsonl');
    const tooLong = 'from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z';
    const refused = await fetch(`${vercel.baseUrl}/v1/billing/charges?${tooLong}`, {
      headers: vercelAuth,
    });
    expect(refused.status).toBe(400);
  });

  it('sends Retry-After and the X-RateLimit headers with a 429', async () => {
    vercel.faults.rateLimitBurst({ requests: 1, retryAfterSeconds: 4 });
    const limited = await fetch(`${vercel.baseUrl}/v9/projects/prj_w`, { headers: vercelAuth });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });
});

describe('Neon sandbox wire format', () => {
  const base = () => `${neon.apiUrl}/projects/wire-test`;

  it('serves Neon under /api/v2 and answers errors as {code,message}', async () => {
    const missing = await fetch(`${base()}/branches/br-nope`, { headers: neonAuth });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'branch br-nope not found',
    });
    const unversioned = await fetch(`${new URL(neon.apiUrl).origin}/projects/wire-test/branches`, {
      headers: neonAuth,
    });
    expect(unversioned.status).toBe(404);
  });

  it('creates with 201, locks the branch with 423 while its operations run', async () => {
    const created = await fetch(`${base()}/branches`, {
      method: 'POST',
      headers: neonAuth,
      body: JSON.stringify({ branch: { name: 'pr-wire' } }),
    });
    expect(created.status).toBe(201);
    const { branch, operations } = (await created.json()) as {
      branch: { id: string; current_state: string };
      operations: { status: string }[];
    };
    expect(branch.current_state).toBe('init');
    expect(operations[0]!.status).toBe('running');
    const locked = await fetch(`${base()}/branches/${branch.id}`, {
      method: 'DELETE',
      headers: neonAuth,
    });
    expect(locked.status).toBe(423);
    expect(await locked.json()).toMatchObject({ code: 'LOCKED' });
  });

  it('answers a repeated delete of a gone branch with 204 and no body', async () => {
    const { branch } = neon.store.createBranch({ name: 'pr-gone', compute: false });
    branch.busyUntil = 0;
    const first = await fetch(`${base()}/branches/${branch.id}`, {
      method: 'DELETE',
      headers: neonAuth,
    });
    expect(first.status).toBe(200);
    const again = await fetch(`${base()}/branches/${branch.id}`, {
      method: 'DELETE',
      headers: neonAuth,
    });
    expect(again.status).toBe(204);
    expect(await again.text()).toBe('');
  });
});
