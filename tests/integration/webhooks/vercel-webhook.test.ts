import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/webhooks/vercel/route';
import type { DatabaseHandle } from '@/db/client';
import { deployments, type Environment, environments } from '@/db/schema';
import { bodyHashId } from '@/lib/webhooks/providers';
import { deploymentPayload } from '@/sandbox/vercel/payloads';
import type { SandboxDeployment } from '@/sandbox/vercel/store';
import { vercelEvent } from '@/sandbox/vercel/webhooks';
import { createEnvironment, createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import {
  deliveriesFor,
  deliveryCount,
  useForRoutes,
  vercelRequest,
  vercelSignature,
} from './webhook-requests';

/** Minutes on a clock that starts half an hour ago: deliveries over an hour old are stale. */
const T0 = Date.now() - 30 * 60_000;
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

let handle: DatabaseHandle;
let restore: () => void;
let preview: Environment;
let production: Environment;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useForRoutes(handle);
  const project = await createProject(db(), { vercelProjectId: 'prj_shop' });
  production = await createEnvironment(db(), project, { kind: 'production', slug: 'production' });
  await createEnvironment(db(), project, { kind: 'staging', slug: 'staging', gitBranch: 'main' });
  preview = await createEnvironment(db(), project, { slug: 'pr-1', gitBranch: 'feature/a' });
});
afterAll(async () => {
  restore?.();
  await handle?.close();
});

let sequence = 0;
function sandboxDeployment(overrides: Partial<SandboxDeployment> = {}): SandboxDeployment {
  sequence += 1;
  return {
    id: `dpl_${sequence}`,
    name: 'shop',
    url: `shop-${sequence}.vercel.app`,
    projectId: 'prj_shop',
    createdAt: at(0).getTime(),
    readyState: 'BUILDING',
    target: null,
    meta: { githubCommitRef: 'feature/a', githubCommitSha: 'c'.repeat(40) },
    ...overrides,
  };
}

/** The envelope exactly as the Vercel sandbox sends it, at `minute` on the test clock. */
const envelope = (type: string, deployment: SandboxDeployment, minute: number, extra = {}) =>
  vercelEvent(type, { ...deploymentPayload(deployment), ...extra }, at(minute).getTime()).payload;

const stored = async (vercelId: string) =>
  (await db().select().from(deployments).where(eq(deployments.vercelId, vercelId)))[0];
const servedBy = async (environmentId: number) =>
  (await db().select().from(environments).where(eq(environments.id, environmentId)))[0]!
    .currentDeploymentId;

describe('signature', () => {
  const body = () => envelope('deployment.created', sandboxDeployment(), 0);

  test.each([
    ['missing', { signature: null }],
    ['wrong', { signature: 'f'.repeat(40) }],
    ['not hex at all', { signature: 'sha1=nope' }],
  ])('a %s signature is 401 and nothing is stored', async (_, options) => {
    const before = await deliveryCount(db());
    const response = await POST(vercelRequest(body(), options));
    expect(response.status).toBe(401);
    expect(await deliveryCount(db())).toBe(before);
  });

  test('a signature made with another secret, or over another body, is 401', async () => {
    const json = JSON.stringify(body());
    const before = await deliveryCount(db());
    const otherSecret = vercelRequest(null, {
      body: json,
      signature: vercelSignature(json, 'other'),
    });
    expect((await POST(otherSecret)).status).toBe(401);
    const tampered = vercelRequest(null, {
      body: json.replace('feature/a', 'feature/b'),
      signature: vercelSignature(json),
    });
    expect((await POST(tampered)).status).toBe(401);
    expect(await deliveryCount(db())).toBe(before);
  });
});

describe('storage', () => {
  test('malformed JSON is 400 and kept under the hash of its bytes', async () => {
    const response = await POST(vercelRequest(null, { body: '{"type":' }));
    expect(response.status).toBe(400);
    const [row] = await deliveriesFor(db(), bodyHashId('{"type":'));
    expect(row).toMatchObject({ provider: 'vercel', status: 'malformed', rawBody: '{"type":' });
  });

  test('JSON that is not a Vercel envelope is 400 and kept as malformed', async () => {
    const body = JSON.stringify({ hello: 'world' });
    expect((await POST(vercelRequest(null, { body }))).status).toBe(400);
    const [row] = await deliveriesFor(db(), bodyHashId(body));
    expect(row?.status).toBe('malformed');
  });

  test('a project event is 202 and stored as ignored', async () => {
    const event = vercelEvent(
      'project.env-variable.created',
      { project: { id: 'prj_shop' }, key: 'DATABASE_URL' },
      at(0).getTime(),
    ).payload;
    const response = await POST(vercelRequest(event));
    expect(response.status).toBe(202);
    const [row] = await deliveriesFor(db(), event.id);
    expect(row).toMatchObject({ status: 'ignored', event: 'project.env-variable.created' });
  });
});

describe('deployment events from the sandbox', () => {
  test('created then succeeded: the preview serves the ready build; a redelivery is a no-op', async () => {
    const deployment = sandboxDeployment();
    const created = envelope('deployment.created', deployment, 0);
    const succeeded = envelope('deployment.succeeded', deployment, 2);
    expect((await POST(vercelRequest(created))).status).toBe(200);
    expect(await stored(deployment.id)).toMatchObject({ state: 'queued', target: 'preview' });
    expect((await POST(vercelRequest(succeeded))).status).toBe(200);
    const row = await stored(deployment.id);
    expect(row).toMatchObject({
      state: 'ready',
      environmentId: preview.id,
      gitBranch: 'feature/a',
      commitSha: 'c'.repeat(40),
      url: `https://${deployment.url}`,
      buildDurationMs: 2 * 60_000,
    });
    expect(await servedBy(preview.id)).toBe(row!.id);

    const again = await POST(vercelRequest(succeeded));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    expect(await deliveriesFor(db(), succeeded.id)).toHaveLength(1);
  });

  test('an outcome arriving before the creation event keeps the outcome', async () => {
    const deployment = sandboxDeployment();
    await POST(vercelRequest(envelope('deployment.error', deployment, 5)));
    await POST(vercelRequest(envelope('deployment.created', deployment, 1)));
    expect((await stored(deployment.id))?.state).toBe('error');
  });

  test('a promotion and a rollback move production; an older promotion arriving late does not', async () => {
    const first = sandboxDeployment({ target: 'production' });
    const second = sandboxDeployment({ target: 'production' });
    for (const [deployment, minute] of [
      [first, 10],
      [second, 20],
    ] as const) {
      await POST(vercelRequest(envelope('deployment.created', deployment, minute)));
      await POST(vercelRequest(envelope('deployment.succeeded', deployment, minute + 2)));
    }
    const firstId = (await stored(first.id))!.id;
    const secondId = (await stored(second.id))!.id;
    expect(await servedBy(production.id)).toBe(secondId);

    const rollback = envelope('deployment.rollback', first, 30, {
      fromDeploymentId: second.id,
      toDeploymentId: first.id,
    });
    expect((await POST(vercelRequest(rollback))).status).toBe(200);
    expect(await servedBy(production.id)).toBe(firstId);

    // The promotion of `second` happened before the rollback but arrives after it.
    await POST(vercelRequest(envelope('deployment.promoted', second, 25)));
    expect(await servedBy(production.id)).toBe(firstId);
    await POST(vercelRequest(envelope('deployment.promoted', second, 40)));
    expect(await servedBy(production.id)).toBe(secondId);
  });

  test('a build for a branch no environment builds is accepted and ignored with the reason', async () => {
    const deployment = sandboxDeployment({ meta: { githubCommitRef: 'nobody' } });
    const event = envelope('deployment.created', deployment, 0);
    const response = await POST(vercelRequest(event));
    expect(response.status).toBe(202);
    expect((await response.json()).reason).toContain('nobody');
  });
});
