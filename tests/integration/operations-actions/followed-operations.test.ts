import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects } from '@/db/schema';
import { requestPromotion } from '@/lib/operations';
import { createEnvironment, createOperation, createProject } from '@/tests/support/factories';
import { getWithCookie, sessionCookie } from '@/tests/support/session';
import { createWorld, stagingRelease, type World } from '../operations/world';
import { serveWorld } from './session';

const { GET } = await import('@/app/api/v1/operations/route');
const { GET: getOperationRoute } = await import('@/app/api/v1/operations/[id]/route');

/**
 * GET /api/v1/operations?environment=…&since=…, which every tab showing an environment polls:
 * an operation started anywhere shows there, for any signed-in member of the project, and never
 * another project's.
 */

let world: World;
let viewer: string;
beforeAll(async () => {
  world = await createWorld({ prefix: 'followed' });
  await world.db.update(projects).set({ requireApproval: true });
  serveWorld(world);
  viewer = await sessionCookie(world.users.viewer);
});
afterAll(() => world.close());

async function followed(query: string, cookie: string | null = viewer) {
  const response = await GET(getWithCookie(`/api/v1/operations?${query}`, cookie ?? undefined));
  return { status: response.status, body: await response.json() };
}

describe('the operations a page follows', () => {
  it('answers the operation holding an environment to any member, from wherever it started', async () => {
    const release = await stagingRelease(world);
    const requested = await requestPromotion(
      world.db,
      world.clients,
      world.actor(world.users.release_manager, 'release_manager'),
      { deploymentId: release.id, reason: 'weekly release', idempotencyKey: 'followed-promote' },
    );
    expect(requested.ok).toBe(true);
    const id = requested.ok ? requested.operation.id : 0;

    const { status, body } = await followed(
      `environment=${world.production.id},${world.staging.id}`,
    );
    expect(status).toBe(200);
    expect(body.data).toEqual([
      expect.objectContaining({
        id,
        kind: 'promote',
        state: 'requested',
        reason: 'weekly release',
      }),
    ]);
    expect((await followed(`environment=${world.staging.id}`)).body.data).toEqual([]);
  });

  it('answers what ended since the page was drawn, and not what ended before', async () => {
    const drawn = new Date(Date.now() - 60_000);
    const before = await createOperation(world.db, world.project, {
      environmentId: world.staging.id,
      kind: 'reseed',
      state: 'succeeded',
      finishedAt: new Date(drawn.getTime() - 1000),
    });
    const since = await createOperation(world.db, world.project, {
      environmentId: world.staging.id,
      kind: 'reseed',
      state: 'failed',
      error: 'neon-reset: 503',
      finishedAt: new Date(drawn.getTime() + 1000),
    });
    const { body } = await followed(
      `environment=${world.staging.id}&since=${encodeURIComponent(drawn.toISOString())}`,
    );
    const ids = body.data.map((operation: { id: number }) => operation.id);
    expect(ids).toContain(since.id);
    expect(ids).not.toContain(before.id);
    expect(body.data.find((operation: { id: number }) => operation.id === since.id)).toMatchObject({
      state: 'failed',
      error: 'neon-reset: 503',
    });
  });

  it("finds nothing on another project's environment", async () => {
    const other = await createProject(world.db, { slug: 'followed-other', githubRepo: 'other' });
    const environment = await createEnvironment(world.db, other, { kind: 'staging' });
    await createOperation(world.db, other, {
      environmentId: environment.id,
      kind: 'promote',
      state: 'running',
    });
    const { status, body } = await followed(`environment=${environment.id}`);
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
  });

  it("refuses another project's operation by id as not found", async () => {
    const other = await createProject(world.db, { slug: 'followed-by-id', githubRepo: 'by-id' });
    const operation = await createOperation(world.db, other, { state: 'running' });
    const response = await getOperationRoute(
      getWithCookie(`/api/v1/operations/${operation.id}`, viewer),
      { params: Promise.resolve({ id: String(operation.id) }) },
    );
    expect(response.status).toBe(404);
  });

  it('needs a session, and refuses a malformed query', async () => {
    expect((await followed(`environment=${world.production.id}`, null)).status).toBe(401);
    expect((await followed('environment=1;2')).status).toBe(400);
    expect((await followed(`environment=${world.production.id}&since=yesterday`)).status).toBe(400);
  });
});
