import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/webhooks/vercel/route';
import type { DatabaseHandle } from '@/db/client';
import { deployments, type Environment, environments, type Project } from '@/db/schema';
import { replayDelivery } from '@/lib/webhooks/retry';
import { runSync } from '@/lib/sync/run-sync';
import { vercelDeploymentsJob } from '@/lib/sync/vercel-deployments';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { deploymentPayload } from '@/sandbox/vercel/payloads';
import { vercelEvent } from '@/sandbox/vercel/webhooks';
import { createEnvironment, createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import { VERCEL_TOKEN, vercelClient } from '../sync/support';
import { deliveriesFor, useForRoutes, vercelRequest } from './webhook-requests';

const VERCEL_PROJECT = 'prj_stale';
const MINUTE = 60_000;
let handle: DatabaseHandle;
let restore: () => void;
let sandbox: VercelSandbox;
let project: Project;
let production: Environment;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useForRoutes(handle);
  sandbox = await startVercelSandbox({ token: VERCEL_TOKEN, webhookSecret: 'unused' });
  sandbox.store.addProject({ id: VERCEL_PROJECT, name: 'shop' });
  project = await createProject(handle.db, { vercelProjectId: VERCEL_PROJECT });
  production = await createEnvironment(handle.db, project, {
    kind: 'production',
    slug: 'production',
    gitBranch: 'main',
  });
  await createEnvironment(handle.db, project, { slug: 'pr-1', gitBranch: 'feature-a' });
});
afterAll(async () => {
  restore?.();
  await sandbox?.close();
  await handle?.close();
});

const git = (branch: string, sha: string) => ({ githubCommitRef: branch, githubCommitSha: sha });
const sync = () =>
  runSync(handle.db, vercelDeploymentsJob({ vercel: vercelClient(sandbox.baseUrl) }, project));
const servedVercelId = async () => {
  const [row] = await handle.db
    .select({ vercelId: deployments.vercelId })
    .from(environments)
    .innerJoin(deployments, eq(deployments.id, environments.currentDeploymentId))
    .where(eq(environments.id, production.id));
  return row?.vercelId;
};

describe('Vercel deliveries older than an hour', () => {
  test('are stored as stale and not applied, a replay too; the sync applies what they said', async () => {
    const first = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT,
      target: 'production',
      meta: git('main', 'a'.repeat(40)),
    });
    await sync();
    expect(await servedVercelId()).toBe(first.id);

    const preview = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT,
      meta: git('feature-a', 'b'.repeat(40)),
    });
    sandbox.store.promote(VERCEL_PROJECT, preview.id);
    const createdAt = Date.now() - 61 * MINUTE;
    const promoted = vercelEvent('deployment.promoted', deploymentPayload(preview), createdAt);

    const response = await POST(vercelRequest(promoted.payload));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      status: 'stale',
      deliveryId: promoted.id,
      reason: expect.stringMatching(/^created 6\d minutes before it was received \(over an hour\)/),
    });
    const [delivery] = await deliveriesFor(handle.db, promoted.id);
    expect(delivery).toMatchObject({ status: 'stale', error: expect.stringContaining('sync') });
    expect(await servedVercelId()).toBe(first.id);

    // Judged by when it was received, not when it is replayed.
    expect(await replayDelivery(handle.db, delivery!.id)).toMatchObject({ status: 'stale' });
    expect(await servedVercelId()).toBe(first.id);

    expect(await sync()).toMatchObject({ status: 'succeeded', errors: [] });
    expect(await servedVercelId()).toBe(preview.id);
  });

  test('a fresh delivery is applied as before', async () => {
    const build = sandbox.store.addDeployment({
      projectId: VERCEL_PROJECT,
      meta: git('feature-a', 'c'.repeat(40)),
    });
    const fresh = vercelEvent('deployment.promoted', deploymentPayload(build), Date.now());
    const response = await POST(vercelRequest(fresh.payload));
    expect(response.status).toBe(200);
    expect(await servedVercelId()).toBe(build.id);
  });
});
