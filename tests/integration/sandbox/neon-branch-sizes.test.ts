import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistory } from '@/lib/demo';
import { createNeonClient, type NeonClient } from '@/lib/providers/neon/client';
import { fillNeonStore } from '@/sandbox/demo/neon';
import { type NeonSandbox, startNeonSandbox } from '@/sandbox/neon';

const apiKey = 'neon-test-key';
const MB = 1024 * 1024;
const NOW = new Date('2026-03-20T12:00:00Z');
const history = demoHistory({ now: NOW, seed: 7 });

let sandbox: NeonSandbox;
let client: NeonClient;

beforeAll(async () => {
  sandbox = await startNeonSandbox({
    apiKey,
    projectId: history.project.neonProjectId,
    operationMs: 0,
    // The demo's moment: no preview branch has expired under it yet.
    now: () => NOW.getTime(),
  });
  fillNeonStore(sandbox.store, history);
  client = createNeonClient({
    baseUrl: sandbox.apiUrl,
    apiKey,
    projectId: history.project.neonProjectId,
  });
});
afterAll(() => sandbox.close());

describe("the Neon sandbox's branch sizes", () => {
  it('reports each demo branch at its own believable logical_size', async () => {
    const branches = await client.listBranches();
    const sizes = new Map(branches.map((branch) => [branch.id, branch.logical_size]));
    const live = history.dbBranches.filter((row) => row.state !== 'deleted' && !row.deletedAt);
    expect(live.length).toBeGreaterThan(3);
    for (const row of live) expect(sizes.get(row.neonBranchId)).toBe(row.logicalSizeBytes);
    expect(new Set(sizes.values()).size).toBeGreaterThan(1);
    for (const size of sizes.values()) expect(size).toBeGreaterThan(MB);
  });

  it('gives a new branch its parent’s size, as a copy of its data', async () => {
    const parent = history.dbBranches.find((row) => row.name === 'staging')!;
    const { branch } = await client.createBranch({
      name: 'preview/sizes',
      parentId: parent.neonBranchId,
    });
    expect((await client.getBranch(branch.id)).logical_size).toBe(parent.logicalSizeBytes);
  });
});
