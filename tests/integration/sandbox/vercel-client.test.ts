import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyVercelSignature } from '@/lib/webhooks/vercel-signature';
import { ProviderError } from '@/lib/providers/errors';
import { createVercelClient, type VercelClient } from '@/lib/providers/vercel/client';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { recordingSleep } from '@/tests/support/recording-sleep';

const token = 'vercel-test-token';
const webhookSecret = 'vercel-webhook-secret';

let sandbox: VercelSandbox;
let client: VercelClient;
let waits: number[];

beforeAll(async () => {
  sandbox = await startVercelSandbox({ token, webhookSecret, seed: 7 });
});
afterAll(() => sandbox.close());

beforeEach(() => {
  sandbox.faults.reset();
  const recording = recordingSleep();
  waits = recording.waits;
  client = createVercelClient(
    { baseUrl: sandbox.baseUrl, token, teamId: 'team_1' },
    { sleep: recording.sleep, retry: { maxRetries: 3 } },
  );
});

let projects = 0;
function newProject() {
  projects++;
  return sandbox.store.addProject({ id: `prj_${projects}`, name: `web-${projects}` });
}

describe('Vercel client against the sandbox', () => {
  it('lists every deployment across pages, newest first, following pagination.next as until', async () => {
    const project = newProject();
    const created = Array.from({ length: 7 }, () =>
      sandbox.store.addDeployment({ projectId: project.id }),
    );
    const before = client.callsSpent;
    const { deployments: listed } = await client.listDeployments({
      projectId: project.id,
      pageSize: 3,
    });
    expect(listed.map((d) => d.uid)).toEqual(created.map((d) => d.id).reverse());
    expect(client.callsSpent - before).toBe(3);
    const { deployments: newer } = await client.listDeployments({
      projectId: project.id,
      since: created[4]!.createdAt,
    });
    expect(newer.map((d) => d.uid)).toEqual([created[6]!.id, created[5]!.id]);
  });

  it('promote and rollback change what production serves', async () => {
    const project = newProject();
    const first = sandbox.store.addDeployment({ projectId: project.id, target: 'production' });
    const second = sandbox.store.addDeployment({ projectId: project.id });
    expect((await client.getProject(project.id)).targets?.production?.id).toBe(first.id);

    expect(await client.promote(project.id, second.id)).toEqual({ pending: false });
    const promoted = await client.getProject(project.name);
    expect(promoted.targets?.production?.id).toBe(second.id);
    expect(promoted.lastAliasRequest).toMatchObject({ type: 'promote', toDeploymentId: second.id });

    await client.rollback(project.id, first.id, 'checkout broken');
    const rolledBack = await client.getProject(project.id);
    expect(rolledBack.targets?.production?.id).toBe(first.id);
    expect(rolledBack.lastAliasRequest).toMatchObject({
      type: 'rollback',
      fromDeploymentId: second.id,
      toDeploymentId: first.id,
    });
    expect(rolledBack.rollbackDescription?.description).toBe('checkout broken');
  });

  it('refuses to promote a deployment that is not ready, naming the call', async () => {
    const project = newProject();
    const building = sandbox.store.addDeployment({ projectId: project.id, readyState: 'BUILDING' });
    const error = await client.promote(project.id, building.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'vercel', operation: 'promote', status: 409 });
    expect(waits).toEqual([]);
  });

  it('lists a build by its state as it moves from BUILDING to READY', async () => {
    const project = newProject();
    const build = sandbox.store.addDeployment({ projectId: project.id, readyState: 'BUILDING' });
    expect((await client.getDeployment(build.id)).readyState).toBe('BUILDING');
    sandbox.store.finishBuild(build.id, 'READY');
    const [listed] = (await client.listDeployments({ projectId: project.id })).deployments;
    expect(listed).toMatchObject({ uid: build.id, readyState: 'READY' });
    expect(() => sandbox.store.finishBuild(build.id, 'ERROR')).toThrow(/already READY/);
  });

  it('deletes a deployment, after which it is gone', async () => {
    const project = newProject();
    const preview = sandbox.store.addDeployment({ projectId: project.id });
    expect((await client.getDeployment(preview.url)).id).toBe(preview.id);
    await client.deleteDeployment(preview.id);
    const error = await client.getDeployment(preview.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'getDeployment', status: 404, retryable: false });
    expect(String(error)).toContain('not_found');
  });

  it('upserts a gitBranch-scoped preview DATABASE_URL, replacing the old value', async () => {
    const project = newProject();
    const variable = { key: 'DATABASE_URL', gitBranch: 'feat/x', value: 'postgres://a' };
    await client.upsertPreviewEnvVar(project.id, variable);
    await client.upsertPreviewEnvVar(project.id, { ...variable, value: 'postgres://b' });
    const stored = sandbox.store.envs.filter((env) => env.projectId === project.id);
    expect(stored).toMatchObject([{ ...variable, value: 'postgres://b', target: ['preview'] }]);
  });

  it('removes one branch’s preview variable and leaves the other branches’ and keys', async () => {
    const project = newProject();
    await client.upsertPreviewEnvVar(project.id, {
      key: 'DATABASE_URL',
      gitBranch: 'a',
      value: '1',
    });
    await client.upsertPreviewEnvVar(project.id, {
      key: 'DATABASE_URL',
      gitBranch: 'b',
      value: '2',
    });
    await client.upsertPreviewEnvVar(project.id, { key: 'API_URL', gitBranch: 'a', value: '3' });
    const removed = await client.deletePreviewEnvVar(project.id, {
      key: 'DATABASE_URL',
      gitBranch: 'a',
    });
    expect(removed).toBe(1);
    const left = sandbox.store.envs.filter((env) => env.projectId === project.id);
    expect(left.map(({ key, gitBranch }) => ({ key, gitBranch }))).toEqual([
      { key: 'DATABASE_URL', gitBranch: 'b' },
      { key: 'API_URL', gitBranch: 'a' },
    ]);
    expect(
      await client.deletePreviewEnvVar(project.id, { key: 'DATABASE_URL', gitBranch: 'a' }),
    ).toBe(0);
  });

  it('reads the billing charges FOCUS JSONL for a range, to exclusive', async () => {
    const row = (day: string, cost: number | string) => ({
      BilledCost: cost,
      EffectiveCost: cost,
      ChargePeriodStart: `${day}T00:00:00Z`,
      ChargePeriodEnd: `${day}T23:59:59Z`,
      ServiceName: 'Function Invocations',
      ConsumedQuantity: 1000,
      ConsumedUnit: 'Invocations',
    });
    sandbox.store.charges.push(
      row('2026-11-01', 1.5),
      row('2026-11-02', '2.25'),
      row('2026-11-03', 4),
    );
    const { charges } = await client.listBillingCharges(
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-11-03T00:00:00Z'),
    );
    expect(charges.map((c) => c.billedCostUsd)).toEqual([1.5, 2.25]);
    expect(charges[0]).toMatchObject({ service: 'Function Invocations', quantity: 1000 });
  });

  it('waits out a 429 burst for the Retry-After it names, and counts every call', async () => {
    const project = newProject();
    sandbox.faults.rateLimitBurst({ requests: 2, retryAfterSeconds: 3 });
    const before = client.callsSpent;
    await client.getProject(project.id);
    expect(client.callsSpent - before).toBe(3);
    expect(waits).toEqual([3000, 3000]);
    expect(sandbox.faults.counts.rateLimited).toBe(2);
  });

  it('retries a server error on a read after a jittered backoff, then succeeds', async () => {
    const project = newProject();
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [502] });
    const healing = createVercelClient(
      { baseUrl: sandbox.baseUrl, token },
      {
        retry: { baseDelayMs: 100 },
        // The outage ends while the client waits.
        sleep: async (ms) => {
          waits.push(ms);
          sandbox.faults.configure({ errorRate: 0 });
        },
      },
    );
    expect((await healing.getProject(project.id)).id).toBe(project.id);
    expect(sandbox.faults.counts.serverErrors).toBe(1);
    expect(healing.callsSpent).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeLessThanOrEqual(100);
  });

  it('does not retry a server error on a promote, which might already have been applied', async () => {
    const project = newProject();
    const deployment = sandbox.store.addDeployment({ projectId: project.id });
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [500] });
    const error = await client.promote(project.id, deployment.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'promote', status: 500, retryable: true });
    expect(waits).toEqual([]);
  });

  it('gives up after the retry budget with a retryable ProviderError', async () => {
    const project = newProject();
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [503] });
    const error = await client.getProject(project.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'getProject', status: 503, retryable: true });
    expect(waits).toHaveLength(3);
    expect(sandbox.faults.counts.serverErrors).toBe(4);
  });

  it('surfaces a wrong token as a non-retryable 403 without retrying', async () => {
    const stranger = createVercelClient({ baseUrl: sandbox.baseUrl, token: 'wrong' });
    const error = await stranger.getProject('anything').catch((e: unknown) => e);
    expect(error).toMatchObject({ provider: 'vercel', operation: 'getProject', status: 403 });
    expect(stranger.callsSpent).toBe(1);
  });
});

describe('Vercel sandbox webhooks', () => {
  it("POSTs each state change in Vercel's envelope, signed so envboard's verifier accepts it", async () => {
    const received: { signature: string | undefined; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ signature: req.headers['x-vercel-signature'] as string, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    await sandbox.webhooks.flush();
    sandbox.webhooks.setTarget(`http://127.0.0.1:${port}/api/webhooks/vercel`);
    try {
      const project = newProject();
      const first = sandbox.store.addDeployment({ projectId: project.id, target: 'production' });
      const second = sandbox.store.addDeployment({ projectId: project.id });
      await client.promote(project.id, second.id);
      await client.rollback(project.id, first.id, 'bad deploy');
      const failed = sandbox.store.addDeployment({ projectId: project.id, readyState: 'BUILDING' });
      sandbox.store.finishBuild(failed.id, 'ERROR');
      await sandbox.webhooks.flush();
    } finally {
      sandbox.webhooks.setTarget(undefined);
      await new Promise((resolve) => receiver.close(resolve));
    }
    const events = received.map(({ body }) => JSON.parse(body) as { type: string; id: string });
    expect(events.map((e) => e.type)).toEqual([
      'deployment.created',
      'deployment.succeeded',
      'deployment.created',
      'deployment.succeeded',
      'deployment.promoted',
      'deployment.rollback',
      'deployment.created',
      'deployment.error',
    ]);
    expect(events[5]).toMatchObject({
      createdAt: expect.any(Number),
      payload: { target: 'production' },
    });
    for (const { signature, body } of received) {
      expect(verifyVercelSignature(body, signature, webhookSecret)).toBe('valid');
    }
  });
});
