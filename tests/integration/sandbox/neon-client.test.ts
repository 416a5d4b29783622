import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '@/lib/providers/errors';
import { createNeonClient, type NeonClient } from '@/lib/providers/neon/client';
import { startNeonSandbox, type NeonSandbox } from '@/sandbox/neon';
import { recordingSleep } from '@/tests/support/recording-sleep';

const apiKey = 'neon-test-key';
const projectId = 'envboard-test';
const DAY = 24 * 3600 * 1000;

let sandbox: NeonSandbox;
let client: NeonClient;
let waits: number[];
// The sandbox runs on this clock and the client's sleep moves it, so operations finish and locks
// lift exactly when the client has waited long enough, without spending real time.
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startNeonSandbox({
    apiKey,
    projectId,
    operationMs: 1000,
    seed: 3,
    now: () => clock,
  });
});
afterAll(() => sandbox.close());

beforeEach(() => {
  sandbox.faults.reset();
  const recording = recordingSleep();
  waits = recording.waits;
  client = createNeonClient(
    { baseUrl: sandbox.apiUrl, apiKey, projectId, orgId: 'org-test' },
    {
      sleep: async (ms) => {
        await recording.sleep(ms);
        clock += ms;
      },
      // Enough that jittered backoff always outlasts a two-operation lock.
      retry: { maxRetries: 20 },
    },
  );
});

let names = 0;
async function readyBranch(parentId?: string) {
  names++;
  const created = await client.createBranch({ name: `pr-${names}`, parentId });
  await client.waitForOperations(created.operations);
  return created.branch;
}

describe('Neon client against the sandbox', () => {
  it('creates a branch with a compute and waits for its operations to finish', async () => {
    const created = await client.createBranch({ name: 'pr-create' });
    expect(created.branch.current_state).toBe('init');
    expect(created.endpoints).toHaveLength(1);
    expect(created.connectionUri).toContain(created.endpoints[0]!.host);
    expect(created.operations.map((op) => op.action)).toEqual(['create_timeline', 'start_compute']);
    const done = await client.waitForOperations(created.operations);
    expect(done.every((op) => op.status === 'finished')).toBe(true);
    expect(waits.length).toBeGreaterThan(0);
    expect((await client.getBranch(created.branch.id)).current_state).toBe('ready');
  });

  it('retries 423 Locked while a branch is still being created', async () => {
    const created = await client.createBranch({ name: 'pr-locked' });
    const reset = await client.resetBranchToParent(created.branch.id);
    expect(reset.branch.id).toBe(created.branch.id);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('lists every branch across pages', async () => {
    const ids = [await readyBranch(), await readyBranch(), await readyBranch()].map((b) => b.id);
    const before = client.callsSpent;
    const branches = await client.listBranches({ pageSize: 2 });
    expect(branches.map((b) => b.id)).toEqual(expect.arrayContaining(ids));
    expect(branches).toHaveLength(sandbox.store.branches.size);
    expect(client.callsSpent - before).toBe(Math.ceil(branches.length / 2));
  });

  it('accepts expires_at up to 30 days ahead and refuses more with a typed error', async () => {
    const soon = new Date(clock + 7 * DAY);
    const kept = await client.createBranch({ name: 'pr-ttl', expiresAt: soon, withCompute: false });
    expect(kept.branch.expires_at).toBe(soon.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const far = new Date(clock + 31 * DAY);
    const error = await client
      .createBranch({ name: 'pr-too-long', expiresAt: far })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ operation: 'createBranch', status: 400, retryable: false });
    expect(String(error)).toContain('30 days');
  });

  it('moves a branch’s expiry through the branch update, within Neon’s 30 days', async () => {
    const branch = await readyBranch();
    const later = new Date(Math.floor(clock / 1000) * 1000 + 20 * DAY);
    const changed = await client.updateBranch(branch.id, { expiresAt: later });
    expect(changed.branch.expires_at).toBe(later.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    expect((await client.getBranch(branch.id)).expires_at).toBe(changed.branch.expires_at);
    const refused = await client
      .updateBranch(branch.id, { expiresAt: new Date(clock + 31 * DAY) })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ status: 400, operation: 'updateBranch' });
  });

  it('deletes a branch, after which it is gone, and a second delete is a no-op', async () => {
    const branch = await readyBranch();
    const operations = await client.deleteBranch(branch.id);
    expect(operations.map((op) => op.action)).toContain('delete_timeline');
    const error = await client.getBranch(branch.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'getBranch', status: 404 });
    expect(await client.deleteBranch(branch.id)).toEqual([]);
    expect((await client.listBranches()).map((b) => b.id)).not.toContain(branch.id);
  });

  it('forgets a branch once its expires_at has passed', async () => {
    let now = Date.now();
    const clocked = await startNeonSandbox({ apiKey, projectId, operationMs: 0, now: () => now });
    try {
      const neon = createNeonClient({ baseUrl: clocked.apiUrl, apiKey, projectId });
      const expiresAt = new Date(now + 2 * DAY);
      const { branch } = await neon.createBranch({ name: 'pr-expiring', expiresAt });
      now += DAY;
      expect((await neon.getBranch(branch.id)).expires_at).toBeDefined();
      now += 2 * DAY;
      expect((await neon.listBranches()).map((b) => b.id)).not.toContain(branch.id);
      await expect(neon.getBranch(branch.id)).rejects.toMatchObject({ status: 404 });
    } finally {
      await clocked.close();
    }
  });

  it('refuses to delete the default branch, naming the call', async () => {
    const error = await client
      .deleteBranch(sandbox.store.defaultBranch.id)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ provider: 'neon', operation: 'deleteBranch', status: 400 });
  });

  it("resets a branch to its parent's current data", async () => {
    const parent = await readyBranch();
    const child = await readyBranch(parent.id);
    sandbox.store.branch(parent.id).data = 'parent after migration 42';
    sandbox.store.branch(child.id).data = 'child scribbles';
    const reset = await client.resetBranchToParent(child.id);
    await client.waitForOperations(reset.operations);
    expect(sandbox.store.branch(child.id).data).toBe('parent after migration 42');
    expect((await client.getBranch(child.id)).last_reset_at).toBeDefined();
  });

  it('rejects a failed operation, naming its action', async () => {
    sandbox.store.operations.failNext();
    const created = await client.createBranch({ name: 'pr-broken' });
    const error = await client.waitForOperations(created.operations).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'waitForOperations', retryable: false });
    expect(String(error)).toContain('create_timeline');
  });

  it('reads the connection URI, pooled or direct', async () => {
    const branch = await readyBranch();
    const input = { branchId: branch.id, databaseName: 'neondb', roleName: 'neondb_owner' };
    const direct = await client.getConnectionUri(input);
    const pooled = await client.getConnectionUri({ ...input, pooled: true });
    expect(direct).toMatch(
      /^postgresql:\/\/neondb_owner:.+@ep-[a-z0-9]+\.us-east-2\.aws\.neon\.tech\/neondb/,
    );
    expect(pooled).toContain('-pooler.');
  });

  it('lists every operation across pages, newest first', async () => {
    await readyBranch();
    const operations = await client.listOperations({ pageSize: 3 });
    expect(operations).toHaveLength(sandbox.store.operations.all.length);
    expect(operations[0]!.id).toBe(sandbox.store.operations.all.at(-1)!.id);
  });

  it('reads consumption history per project and per branch, flattened to samples', async () => {
    const branch = await readyBranch();
    const frame = { timeframeStart: '2026-11-01T00:00:00Z', timeframeEnd: '2026-11-02T00:00:00Z' };
    sandbox.consumption.push(
      { projectId, branchId: null, ...frame, metric: 'compute_unit_seconds', value: 3600 },
      { projectId, branchId: branch.id, ...frame, metric: 'compute_unit_seconds', value: 600 },
      { projectId, branchId: branch.id, ...frame, metric: 'child_branch_bytes_month', value: 9 },
    );
    const range = {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-03T00:00:00Z'),
      granularity: 'daily' as const,
      metrics: ['compute_unit_seconds'],
    };
    expect(await client.getConsumptionHistory({ ...range, per: 'project' })).toEqual([
      { projectId, branchId: null, ...frame, metric: 'compute_unit_seconds', value: 3600 },
    ]);
    const perBranch = await client.getConsumptionHistory({ ...range, per: 'branch' });
    expect(perBranch).toEqual([
      { projectId, branchId: branch.id, ...frame, metric: 'compute_unit_seconds', value: 600 },
    ]);
  });

  it('says NEON_ORG_ID is missing before asking for consumption', async () => {
    const orgless = createNeonClient({ baseUrl: sandbox.apiUrl, apiKey, projectId });
    const range = { from: new Date('2026-11-01'), to: new Date('2026-11-02') };
    await expect(
      orgless.getConsumptionHistory({
        ...range,
        granularity: 'daily',
        metrics: [],
        per: 'project',
      }),
    ).rejects.toThrow(/NEON_ORG_ID/);
    expect(orgless.callsSpent).toBe(0);
  });

  it('refuses a consumption range too long for its granularity', async () => {
    const error = await client
      .getConsumptionHistory({
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
        granularity: 'hourly',
        metrics: ['compute_unit_seconds'],
        per: 'project',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'getConsumptionHistory', status: 406 });
  });

  it('waits out a 429 burst for its Retry-After and counts every call', async () => {
    sandbox.faults.rateLimitBurst({ requests: 3, retryAfterSeconds: 1 });
    const before = client.callsSpent;
    await client.getBranch(sandbox.store.defaultBranch.id);
    expect(client.callsSpent - before).toBe(4);
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('retries 503 even on a create, which Neon documents as safe', async () => {
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [503] });
    const healing = createNeonClient(
      { baseUrl: sandbox.apiUrl, apiKey, projectId },
      {
        sleep: async () => sandbox.faults.configure({ errorRate: 0 }),
      },
    );
    const created = await healing.createBranch({ name: 'pr-after-outage', withCompute: false });
    expect(created.branch.name).toBe('pr-after-outage');
    expect(healing.callsSpent).toBe(2);
  });

  it('surfaces a wrong API key as a 401 without retrying', async () => {
    const stranger = createNeonClient({ baseUrl: sandbox.apiUrl, apiKey: 'nope', projectId });
    const error = await stranger.listBranches().catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'listBranches', status: 401, retryable: false });
    expect(stranger.callsSpent).toBe(1);
  });
});
