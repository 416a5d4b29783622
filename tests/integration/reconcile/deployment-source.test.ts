import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/webhooks/vercel/route';
import type { DatabaseHandle } from '@/db/client';
import { deployments, type Project } from '@/db/schema';
import { runSync } from '@/lib/sync/run-sync';
import { vercelDeploymentsJob } from '@/lib/sync/vercel-deployments';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { deploymentPayload } from '@/sandbox/vercel/payloads';
import type { SandboxDeployment } from '@/sandbox/vercel/store';
import { vercelEvent } from '@/sandbox/vercel/webhooks';
import { createEnvironment, createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import { useForRoutes, vercelRequest } from '../webhooks/webhook-requests';
import { VERCEL_TOKEN, vercelClient } from '../sync/support';

const VERCEL_PROJECT = 'prj_labels';
let handle: DatabaseHandle;
let restore: () => void;
let sandbox: VercelSandbox;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useForRoutes(handle);
  sandbox = await startVercelSandbox({ token: VERCEL_TOKEN, webhookSecret: 'unused' });
  sandbox.store.addProject({ id: VERCEL_PROJECT, name: 'shop' });
  project = await createProject(handle.db, { vercelProjectId: VERCEL_PROJECT });
  await createEnvironment(handle.db, project, {
    kind: 'production',
    slug: 'production',
    gitBranch: 'main',
  });
  await createEnvironment(handle.db, project, {
    kind: 'staging',
    slug: 'staging',
    gitBranch: 'develop',
  });
});
afterAll(async () => {
  restore?.();
  await sandbox?.close();
  await handle?.close();
});

const git = (branch: string, sha: string) => ({ githubCommitRef: branch, githubCommitSha: sha });
const sourceOf = async (vercelId: string) =>
  (await handle.db.select().from(deployments).where(eq(deployments.vercelId, vercelId)))[0]?.source;
const deliver = (type: string, deployment: SandboxDeployment) =>
  POST(vercelRequest(vercelEvent(type, deploymentPayload(deployment), Date.now()).payload));

describe("a deployment's label says only what envboard saw", () => {
  test('a staging build is built from git; a deployment.promoted webhook labels it promoted', async () => {
    const build = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT,
      target: 'staging',
      meta: git('develop', 'a'.repeat(40)),
    });
    expect((await deliver('deployment.succeeded', build)).status).toBe(200);
    expect(await sourceOf(build.id)).toBe('git');
    sandbox.store.promote(VERCEL_PROJECT, build.id);
    expect((await deliver('deployment.promoted', build)).status).toBe(200);
    expect(await sourceOf(build.id)).toBe('promote');
  });

  test('the sync labels production builds of main git, and the rest unknown, never git', async () => {
    const fromMain = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT,
      target: 'production',
      meta: git('main', 'b'.repeat(40)),
    });
    // Production serving develop's commit, with no promotion on record: how is not known.
    const fromDevelop = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT,
      target: 'production',
      meta: git('develop', 'c'.repeat(40)),
    });
    // A CLI upload: no git metadata at all.
    const uploaded = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT,
      target: 'production',
    });
    const run = await runSync(
      handle.db,
      vercelDeploymentsJob({ vercel: vercelClient(sandbox.baseUrl) }, project),
    );
    expect(run).toMatchObject({ status: 'succeeded', errors: [] });
    expect(await sourceOf(fromMain.id)).toBe('git');
    expect(await sourceOf(fromDevelop.id)).toBe('unknown');
    expect(await sourceOf(uploaded.id)).toBe('unknown');
  });
});
