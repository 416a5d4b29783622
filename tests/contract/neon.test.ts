import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNeonClient, type NeonClient } from '@/lib/providers/neon/client';
import { startNeonSandbox, type NeonSandbox } from '@/sandbox/neon';
import { neonContract } from './support/documents';
import { ExchangeLog } from './support/exchanges';
import { answeredWith, distinctDepartures, noteCalls, providerFailure } from './support/calls';
import type { OpenApiContract } from './support/openapi';

/**
 * Every call the Neon client makes, driven against the sandbox through a recording fetch, and
 * each request and answer checked against Neon's OpenAPI document (@neondatabase/api-client).
 */

const apiKey = 'neon-contract-key';
const projectId = 'envboard-contract';
const orgId = 'org-contract';

let sandbox: NeonSandbox;
let contract: OpenApiContract;
const log = new ExchangeLog();
const called = new Set<string>();
// The sandbox runs on this clock and the client's sleep moves it: operations finish and locks
// lift once the client has waited long enough, without spending real time.
let clock = Date.UTC(2026, 10, 20, 12);

beforeAll(async () => {
  contract = neonContract();
  sandbox = await startNeonSandbox({
    apiKey,
    projectId,
    operationMs: 1000,
    seed: 5,
    now: () => clock,
  });
});
afterAll(() => sandbox.close());

/** A client whose every method call is noted, so the test can prove it drove them all. */
function neon(): NeonClient {
  const client = createNeonClient(
    { baseUrl: sandbox.apiUrl, apiKey, projectId, orgId },
    {
      fetch: log.fetch,
      sleep: async (ms) => {
        clock += ms;
      },
      retry: { maxRetries: 20 },
    },
  );
  return noteCalls(client, called);
}

const departures = () => distinctDepartures(log, contract);
const failure = providerFailure;
const answered = (status: number) => answeredWith(log, status);

describe('the Neon client and sandbox, against Neon’s OpenAPI document', () => {
  it('creates, reads, changes, restores and deletes branches as documented', async () => {
    const client = neon();
    const parent = await client.createBranch({
      name: 'pr-1',
      expiresAt: new Date(clock + 86_400_000),
    });
    expect(parent.endpoints).toHaveLength(1);
    await client.waitForOperations(parent.operations);
    const child = await client.createBranch({
      name: 'pr-1-child',
      parentId: parent.branch.id,
      withCompute: false,
    });
    await client.waitForOperations(child.operations);
    expect(await client.listBranches({ pageSize: 2 })).toHaveLength(3);
    expect(await client.listBranches({ search: 'pr-1' })).toHaveLength(2);
    expect((await client.getBranch(parent.branch.id)).name).toBe('pr-1');
    await client.updateBranch(child.branch.id, {
      name: 'pr-1-renamed',
      expiresAt: new Date(clock + 3_600_000),
    });
    const uri = await client.getConnectionUri({
      branchId: parent.branch.id,
      databaseName: 'neondb',
      roleName: 'neondb_owner',
      pooled: true,
    });
    expect(uri).toContain('-pooler');
    const reset = await client.resetBranchToParent(child.branch.id);
    await client.waitForOperations(reset.operations);
    const restored = await client.restoreBranch(parent.branch.id, {
      sourceBranchId: parent.branch.id,
      sourceTimestamp: new Date(clock - 60_000),
      preserveUnderName: 'pr-1-before-restore',
    });
    await client.waitForOperations(restored.operations);
    expect(await client.listOperations({ pageSize: 3 })).not.toHaveLength(0);
    expect((await client.getOperation(restored.operations[0]!.id)).status).toBe('finished');
    const deleted = await client.deleteBranch(child.branch.id);
    await client.waitForOperations(deleted);
    expect(await client.deleteBranch(child.branch.id)).toEqual([]);
    expect(answered(204)).toHaveLength(1);
    expect(departures()).toEqual([]);
  });

  it('reads consumption history per project and per branch as documented', async () => {
    const client = neon();
    const branch = (await client.listBranches())[0]!;
    const frame = { timeframeStart: '2026-11-01T00:00:00Z', timeframeEnd: '2026-11-02T00:00:00Z' };
    sandbox.consumption.push(
      // Figures a seed derives can be fractional; Neon's document says integer.
      { projectId, branchId: null, ...frame, metric: 'compute_unit_seconds', value: 3600.4 },
      { projectId, branchId: null, ...frame, metric: 'root_branch_bytes_month', value: 52_428_800 },
      { projectId, branchId: branch.id, ...frame, metric: 'compute_unit_seconds', value: 600 },
    );
    const range = {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-03T00:00:00Z'),
      granularity: 'daily' as const,
      metrics: ['compute_unit_seconds', 'root_branch_bytes_month'],
    };
    expect(await client.getConsumptionHistory({ ...range, per: 'project' })).toHaveLength(2);
    expect(await client.getConsumptionHistory({ ...range, per: 'branch' })).toHaveLength(1);
    expect(departures()).toEqual([]);
  });

  it('answers failures in Neon’s error shape: 404, 423 Locked, 429 with Retry-After', async () => {
    const client = neon();
    expect((await failure(client.getBranch('br-missing-000000'))).status).toBe(404);
    expect(
      (await failure(client.getOperation('00000000-0000-4000-8000-000000000000'))).status,
    ).toBe(404);
    // A branch off a parent still being created is refused with 423 until the parent is ready.
    const parent = await client.createBranch({ name: 'busy-parent' });
    const child = await client.createBranch({ name: 'busy-child', parentId: parent.branch.id });
    await client.waitForOperations(child.operations);
    sandbox.faults.rateLimitBurst({ requests: 1, retryAfterSeconds: 1 });
    expect(await client.listBranches()).not.toHaveLength(0);
    expect(answered(423)).not.toHaveLength(0);
    expect(answered(429).at(-1)!.response.headers['retry-after']).toBe('1');
    expect(answered(404)).toHaveLength(2);
    expect(departures()).toEqual([]);
  });

  it('drove every call the client makes', () => {
    const client = createNeonClient({ baseUrl: 'http://127.0.0.1:9', apiKey, projectId });
    const methods = Object.keys(client).filter(
      (key) => typeof client[key as keyof NeonClient] === 'function',
    );
    expect(methods.length).toBeGreaterThan(10);
    expect(methods.filter((method) => !called.has(method))).toEqual([]);
  });
});
