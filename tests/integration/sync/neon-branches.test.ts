import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { dbBranches, environments, type Project, type SyncRun } from '@/db/schema';
import { NEON_BRANCHES, neonBranchesJob } from '@/lib/sync/neon-branches';
import { runSync } from '@/lib/sync/run-sync';
import { type NeonSandbox, startNeonSandbox } from '@/sandbox/neon';
import { createEnvironment, createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';
import { cronRequest, useCronEnvironment } from './cron-env';
import { NEON_API_KEY, NEON_PROJECT_ID, neonClient, PORTS, syncRunsOf } from './support';

let handle: DatabaseHandle;
let sandbox: NeonSandbox;
let project: Project;

const db = () => handle.db;
const sync = (client = neonClient(sandbox.apiUrl)) =>
  runSync(db(), neonBranchesJob({ neon: client }, project));
const branchesByName = async () =>
  new Map(
    (await db().select().from(dbBranches).where(eq(dbBranches.projectId, project.id))).map(
      (row) => [row.name, row],
    ),
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startNeonSandbox({
    apiKey: NEON_API_KEY,
    projectId: NEON_PROJECT_ID,
    port: PORTS.neon,
    operationMs: 0,
    seed: 5,
  });
  project = await createProject(db(), { neonProjectId: NEON_PROJECT_ID });
  sandbox.store.createBranch({ name: 'preview/feature-a', compute: true });
  sandbox.store.createBranch({ name: 'preview/feature-b', compute: true });
  sandbox.store.createBranch({ name: 'dev-alice', compute: false });
  await createEnvironment(db(), project, { kind: 'preview', gitBranch: 'feature-a' });
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});
beforeEach(() => sandbox.faults.reset());

describe('neon.branches', () => {
  it('fills db_branches from Neon and links each preview to its preview/<branch>', async () => {
    const run = await sync();
    expect(run).toMatchObject({ kind: NEON_BRANCHES, status: 'succeeded', errors: [] });
    expect(run).toMatchObject({ itemsSeen: 4, apiCalls: 1 });
    const stored = await branchesByName();
    expect([...stored.keys()].sort()).toEqual([
      'dev-alice',
      'main',
      'preview/feature-a',
      'preview/feature-b',
    ]);
    expect(stored.get('main')).toMatchObject({ isDefault: true, state: 'ready', deletedAt: null });
    expect(stored.get('preview/feature-a')!.parentNeonBranchId).toBe(
      sandbox.store.defaultBranch.id,
    );
    const [preview] = await db()
      .select()
      .from(environments)
      .where(eq(environments.gitBranch, 'feature-a'));
    expect(preview!.dbBranchId).toBe(stored.get('preview/feature-a')!.id);
    // Four branches written and one preview linked.
    expect(run.itemsChanged).toBe(5);
  });

  it('spends one call and changes nothing when Neon has not changed', async () => {
    const before = await branchesByName();
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 1, itemsSeen: 4, itemsChanged: 0 });
    const after = await branchesByName();
    for (const [name, row] of after) expect(row.updatedAt).toEqual(before.get(name)!.updatedAt);
  });

  it('marks a branch deleted at Neon as deleted, and picks up a new one', async () => {
    const gone = [...sandbox.store.branches.values()].find((b) => b.name === 'dev-alice')!;
    sandbox.store.deleteBranch(gone.id);
    sandbox.store.createBranch({ name: 'preview/feature-c', compute: true });
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', itemsSeen: 4, itemsChanged: 2 });
    const stored = await branchesByName();
    expect(stored.get('dev-alice')).toMatchObject({ state: 'deleted' });
    expect(stored.get('dev-alice')!.deletedAt).toBeInstanceOf(Date);
    expect(stored.get('preview/feature-c')).toMatchObject({ state: 'ready', deletedAt: null });
    // Once marked, a deleted branch is not written again.
    expect(await sync()).toMatchObject({ itemsChanged: 0, apiCalls: 1 });
  });

  it('links a preview created after its branch on the next run', async () => {
    const preview = await createEnvironment(db(), project, {
      kind: 'preview',
      gitBranch: 'feature-b',
    });
    const run = await sync();
    expect(run.itemsChanged).toBe(1);
    const [linked] = await db().select().from(environments).where(eq(environments.id, preview.id));
    expect(linked!.dbBranchId).toBe((await branchesByName()).get('preview/feature-b')!.id);
  });

  it('waits out a 429 burst and counts the refused calls', async () => {
    sandbox.faults.rateLimitBurst({ requests: 2, retryAfterSeconds: 1 });
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 3, itemsChanged: 0 });
    expect(sandbox.faults.counts.rateLimited).toBe(2);
  });

  it('retries a 5xx burst and counts each attempt', async () => {
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [502] });
    let attempts = 0;
    const healing = neonClient(sandbox.apiUrl, async () => {
      if (++attempts === 2) sandbox.faults.configure({ errorRate: 0 });
    });
    const run = await sync(healing);
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 3, itemsChanged: 0 });
    expect(sandbox.faults.counts.serverErrors).toBe(2);
  });

  it('marks the run failed with the reason when Neon keeps failing, and deletes nothing', async () => {
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [503] });
    const run = await sync();
    expect(run.status).toBe('failed');
    expect(run.apiCalls).toBe(5);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/neon listBranches failed: .*503/);
    const live = [...(await branchesByName()).values()].filter((b) => b.state !== 'deleted');
    expect(live).toHaveLength(4);
  });

  it('refuses a project whose Neon project is not the client’s', async () => {
    const other = await createProject(db(), { neonProjectId: 'someone-else' });
    const run = await runSync(db(), neonBranchesJob({ neon: neonClient(sandbox.apiUrl) }, other));
    expect(run).toMatchObject({ status: 'failed', apiCalls: 0 });
    expect(run.errors[0]).toContain('someone-else');
    expect((await syncRunsOf(db(), NEON_BRANCHES)).length).toBeGreaterThan(1);
  });
});

describe('GET /api/cron/neon', () => {
  it('syncs with the clients built from the environment and answers with the run', async () => {
    const { GET } = await import('@/app/api/cron/neon/route');
    const restore = useCronEnvironment(handle, {
      ENVBOARD_PROJECT: project.slug,
      NEON_API_URL: sandbox.apiUrl,
      NEON_API_KEY,
      NEON_PROJECT_ID,
    });
    try {
      sandbox.store.createBranch({ name: 'preview/from-cron', compute: true });
      const response = await GET(cronRequest('/api/cron/neon'));
      expect(response.status).toBe(200);
      const { runs } = (await response.json()) as { runs: SyncRun[] };
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ kind: NEON_BRANCHES, status: 'succeeded', apiCalls: 1 });
      expect(runs[0]!.itemsChanged).toBe(1);
      expect((await branchesByName()).get('preview/from-cron')).toMatchObject({ state: 'ready' });
    } finally {
      restore();
    }
  });

  it('marks the run failed, naming the missing setting, when Neon is not configured', async () => {
    const { GET } = await import('@/app/api/cron/neon/route');
    const restore = useCronEnvironment(handle, { ENVBOARD_PROJECT: project.slug });
    const key = process.env.NEON_API_KEY;
    delete process.env.NEON_API_KEY;
    try {
      const response = await GET(cronRequest('/api/cron/neon'));
      expect(response.status).toBe(200);
      const { runs } = (await response.json()) as { runs: SyncRun[] };
      expect(runs[0]).toMatchObject({ status: 'failed', apiCalls: 0 });
      expect(runs[0]!.errors[0]).toContain('NEON_API_KEY');
    } finally {
      if (key !== undefined) process.env.NEON_API_KEY = key;
      restore();
    }
  });
});
