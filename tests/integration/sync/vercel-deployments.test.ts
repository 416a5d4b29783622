import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  deployments,
  type Environment,
  environments,
  type Project,
  type SyncRun,
} from '@/db/schema';
import { runSync } from '@/lib/sync/run-sync';
import { VERCEL_DEPLOYMENTS, vercelDeploymentsJob } from '@/lib/sync/vercel-deployments';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { createEnvironment, createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';
import { cronRequest, useCronEnvironment } from './cron-env';
import { PORTS, syncRunsOf, VERCEL_PROJECT_ID, VERCEL_TOKEN, vercelClient } from './support';

let handle: DatabaseHandle;
let sandbox: VercelSandbox;
let project: Project;
let production: Environment;
let preview: Environment;

const db = () => handle.db;
const sync = (client = vercelClient(sandbox.baseUrl), target = project) =>
  runSync(db(), vercelDeploymentsJob({ vercel: client }, target));
const storedDeployments = async () =>
  new Map(
    (await db().select().from(deployments).where(eq(deployments.projectId, project.id))).map(
      (row) => [row.vercelId, row],
    ),
  );
const servedBy = async (environment: Environment) => {
  const [row] = await db()
    .select({ current: environments.currentDeploymentId })
    .from(environments)
    .where(eq(environments.id, environment.id));
  const [served] = await db()
    .select({ vercelId: deployments.vercelId })
    .from(deployments)
    .where(eq(deployments.id, row!.current ?? -1));
  return served?.vercelId;
};
const git = (branch: string, sha: string) => ({
  githubCommitRef: branch,
  githubCommitSha: sha,
  githubCommitMessage: `Build ${branch}`,
  githubCommitAuthorLogin: 'alice',
});

let firstProduction: string;
let previewReady: string;
let previewBuilding: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startVercelSandbox({
    token: VERCEL_TOKEN,
    webhookSecret: 'unused',
    port: PORTS.vercel,
    seed: 9,
  });
  sandbox.store.addProject({ id: VERCEL_PROJECT_ID, name: 'shop' });
  project = await createProject(db(), { vercelProjectId: VERCEL_PROJECT_ID });
  production = await createEnvironment(db(), project, {
    kind: 'production',
    slug: 'production',
    gitBranch: 'main',
  });
  preview = await createEnvironment(db(), project, {
    kind: 'preview',
    slug: 'pr-1',
    gitBranch: 'feature-login',
  });
  const store = sandbox.store;
  firstProduction = store.addDeployment({
    projectId: VERCEL_PROJECT_ID,
    target: 'production',
    meta: git('main', 'a'.repeat(40)),
  }).id;
  previewReady = store.addDeployment({
    projectId: VERCEL_PROJECT_ID,
    meta: git('feature-login', 'b'.repeat(40)),
  }).id;
  previewBuilding = store.addDeployment({
    projectId: VERCEL_PROJECT_ID,
    readyState: 'BUILDING',
    meta: git('feature-login', 'c'.repeat(40)),
  }).id;
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});
beforeEach(() => sandbox.faults.reset());

describe('vercel.deployments', () => {
  it('fills deployments under their environments and sets what each serves', async () => {
    const run = await sync();
    expect(run).toMatchObject({ kind: VERCEL_DEPLOYMENTS, status: 'succeeded', errors: [] });
    // Every page of the listing, then the project for what production serves.
    expect(run).toMatchObject({ itemsSeen: 4, itemsChanged: 3, apiCalls: 2 });
    const stored = await storedDeployments();
    expect(stored.get(firstProduction)).toMatchObject({
      state: 'ready',
      target: 'production',
      environmentId: production.id,
      commitSha: 'a'.repeat(40),
    });
    expect(stored.get(previewReady)).toMatchObject({ state: 'ready', target: 'preview' });
    expect(stored.get(previewBuilding)).toMatchObject({ state: 'building', target: 'preview' });
    expect(await servedBy(production)).toBe(firstProduction);
    expect(await servedBy(preview)).toBe(previewReady);
  });

  it('spends two requests and changes nothing when Vercel has not changed', async () => {
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 2, itemsChanged: 0 });
    expect(await sync()).toMatchObject({ apiCalls: 2, itemsChanged: 0 });
  });

  it('keeps listing a build until it finishes, then stores its outcome', async () => {
    sandbox.store.finishBuild(previewBuilding, 'READY');
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 2, itemsChanged: 1 });
    expect((await storedDeployments()).get(previewBuilding)!.state).toBe('ready');
    expect(await servedBy(preview)).toBe(previewBuilding);
    // Nothing left building: the cursor moves past it.
    expect(await sync()).toMatchObject({ itemsSeen: 1, itemsChanged: 0 });
  });

  it('picks up a new production deployment, then a promote and a rollback', async () => {
    const second = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT_ID,
      target: 'production',
      meta: git('main', 'd'.repeat(40)),
    });
    expect(await sync()).toMatchObject({ itemsChanged: 1 });
    expect(await servedBy(production)).toBe(second.id);

    sandbox.store.promote(VERCEL_PROJECT_ID, previewReady);
    expect(await sync()).toMatchObject({ status: 'succeeded', itemsChanged: 1 });
    expect(await servedBy(production)).toBe(previewReady);

    sandbox.store.rollback(VERCEL_PROJECT_ID, firstProduction, 'bad release');
    expect(await sync()).toMatchObject({ status: 'succeeded', itemsChanged: 1 });
    expect(await servedBy(production)).toBe(firstProduction);
    expect(await sync()).toMatchObject({ apiCalls: 2, itemsChanged: 0 });
  });

  it('stores a preview built before its environment existed once the environment appears', async () => {
    const early = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT_ID,
      meta: git('feature-late', 'f'.repeat(40)),
    });
    expect(await sync()).toMatchObject({ status: 'succeeded', itemsChanged: 0 });
    expect((await storedDeployments()).get(early.id)).toBeUndefined();
    const late = await createEnvironment(db(), project, {
      kind: 'preview',
      slug: 'pr-9',
      gitBranch: 'feature-late',
    });
    expect(await sync()).toMatchObject({ status: 'succeeded', itemsChanged: 1 });
    expect((await storedDeployments()).get(early.id)).toMatchObject({ environmentId: late.id });
    expect(await servedBy(late)).toBe(early.id);
    expect(await sync()).toMatchObject({ itemsSeen: 1, itemsChanged: 0 });
  });

  it('waits out a 429 burst and counts the refused requests', async () => {
    sandbox.faults.rateLimitBurst({ requests: 2, retryAfterSeconds: 1 });
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 4, itemsChanged: 0 });
    expect(sandbox.faults.counts.rateLimited).toBe(2);
  });

  it('retries a 5xx burst and counts each attempt', async () => {
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [500, 503] });
    let waits = 0;
    const healing = vercelClient(sandbox.baseUrl, async () => {
      if (++waits === 3) sandbox.faults.configure({ errorRate: 0 });
    });
    const run = await sync(healing);
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 5, itemsChanged: 0 });
    expect(sandbox.faults.counts.serverErrors).toBe(3);
  });

  it('marks the run failed with the reason when Vercel keeps failing', async () => {
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [503] });
    const run = await sync();
    expect(run).toMatchObject({ status: 'failed', apiCalls: 5 });
    expect(run.errors[0]).toMatch(/vercel listDeployments failed: .*503/);
  });

  it('fails without a Vercel project, naming both places to set one', async () => {
    const bare = await createProject(db());
    const run = await sync(vercelClient(sandbox.baseUrl), bare);
    expect(run).toMatchObject({ status: 'failed', apiCalls: 0 });
    expect(run.errors[0]).toContain('VERCEL_PROJECT_ID');
    expect((await syncRunsOf(db(), VERCEL_DEPLOYMENTS)).at(-1)!.id).toBe(run.id);
  });
});

describe('GET /api/cron/vercel', () => {
  it('syncs with the clients from the environment and answers with the run', async () => {
    const { GET } = await import('@/app/api/cron/vercel/route');
    const restore = useCronEnvironment(handle, {
      ENVBOARD_PROJECT: project.slug,
      VERCEL_API_URL: sandbox.baseUrl,
      VERCEL_TOKEN,
    });
    try {
      const fresh = sandbox.store.addDeployment({
        projectId: VERCEL_PROJECT_ID,
        meta: git('feature-login', 'e'.repeat(40)),
      });
      const response = await GET(cronRequest('/api/cron/vercel'));
      expect(response.status).toBe(200);
      const { runs } = (await response.json()) as { runs: SyncRun[] };
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ kind: VERCEL_DEPLOYMENTS, status: 'succeeded' });
      expect(runs[0]!.itemsChanged).toBe(1);
      expect((await storedDeployments()).get(fresh.id)).toMatchObject({ state: 'ready' });
    } finally {
      restore();
    }
  });
});
