import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getOperation } from '@/db/queries/operation-records';
import { environments, projects } from '@/db/schema';
import { provision } from '@/lib/operations';
import { getWithCookie, sessionCookie } from '@/tests/support/session';
import { createWorld, openPullRequest, stagingRelease, type World } from '../operations/world';
import { request } from './next-mocks';
import { finishBackgroundWork, serveWorld, signInAs } from './session';

vi.mock('next/headers', async () => (await import('./next-mocks')).headersModule());
vi.mock('next/cache', async () => (await import('./next-mocks')).cacheModule());
vi.mock('next/server', async (original) => (await import('./next-mocks')).serverModule(original));

const { requestPromotionAction, rollbackAction } = await import('@/app/(board)/actions/release');
const { reseedPreviewAction, deletePreviewAction } = await import('@/app/(board)/actions/preview');
const { approvePromotionAction, rejectPromotionAction } =
  await import('@/app/(board)/actions/approval');
const { GET: getOperationRoute } = await import('@/app/api/v1/operations/[id]/route');

/**
 * The operation server actions end to end against a real database and the provider sandboxes,
 * signed in with real session cookies: promote with a second release manager's approval, reject,
 * roll back with a pinned production, reseed and delete a preview, and the progress route.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld({ requireApproval: true });
  serveWorld(world);
});
afterAll(() => world.close());

const production = async () =>
  (await world.db.query.environments.findFirst({
    where: (e, { eq: is }) => is(e.id, world.production.id),
  }))!;

function expectOk<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.data;
}

async function progressOf(id: number, cookie?: string) {
  const response = await getOperationRoute(getWithCookie(`/api/v1/operations/${id}`, cookie), {
    params: Promise.resolve({ id: String(id) }),
  });
  return { status: response.status, body: await response.json() };
}

describe('promotion through the actions', () => {
  it('waits for approval, refuses the requester, then runs when a second release manager approves', async () => {
    const release = await stagingRelease(world);
    await signInAs(world.users.release_manager);
    const requested = expectOk(
      await requestPromotionAction({ deploymentId: release.id, reason: 'weekly release' }),
    );
    expect(requested).toMatchObject({
      kind: 'promote',
      state: 'requested',
      reason: 'weekly release',
    });
    expect(request.revalidated).toContain('/');

    const self = await approvePromotionAction({ operationId: requested.id, reason: 'me' });
    expect(self).toMatchObject({ ok: false, error: { code: 'self_approval' } });

    await signInAs(world.users.secondReleaseManager);
    const approved = expectOk(
      await approvePromotionAction({ operationId: requested.id, reason: 'checked the diff' }),
    );
    expect(approved.id).toBe(requested.id);
    expect(['running', 'succeeded']).toContain(approved.state);
    await finishBackgroundWork();

    const finished = await getOperation(world.db, requested.id);
    expect(finished).toMatchObject({ state: 'succeeded', step: 'done' });
    expect(finished!.approvals).toMatchObject([
      { decision: 'approved', reason: 'checked the diff' },
    ]);
    expect((await production()).currentDeploymentId).not.toBe(world.production.currentDeploymentId);
  });

  it('a rejected request ends rejected with the reason and production unchanged', async () => {
    const before = (await production()).currentDeploymentId;
    const release = await stagingRelease(world);
    await signInAs(world.users.release_manager);
    const requested = expectOk(
      await requestPromotionAction({ deploymentId: release.id, reason: 'hotfix' }),
    );
    await signInAs(world.users.admin);
    const rejected = expectOk(
      await rejectPromotionAction({ operationId: requested.id, reason: 'not during the sale' }),
    );
    expect(rejected).toMatchObject({ state: 'rejected', error: 'rejected: not during the sale' });
    expect((await production()).currentDeploymentId).toBe(before);
  });

  it('a production change without a reason is refused by the action before any work', async () => {
    const release = await stagingRelease(world);
    await signInAs(world.users.release_manager);
    const result = await requestPromotionAction({ deploymentId: release.id, reason: '  ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('the same request key from the same person runs once', async () => {
    const release = await stagingRelease(world);
    await signInAs(world.users.release_manager);
    const input = { deploymentId: release.id, reason: 'double click', requestKey: 'dialog-1' };
    const first = expectOk(await requestPromotionAction(input));
    const second = expectOk(await requestPromotionAction(input));
    expect(second.id).toBe(first.id);
    await signInAs(world.users.secondReleaseManager);
    expectOk(await rejectPromotionAction({ operationId: first.id, reason: 'cleanup' }));
  });
});

describe('rollback through the action', () => {
  it('rolls production back to an earlier deployment and pins it; the progress route tells', async () => {
    const served = (await production()).currentDeploymentId!;
    await signInAs(world.users.release_manager);
    const started = expectOk(
      await rollbackAction({
        targetDeploymentId: world.production.currentDeploymentId!,
        reason: 'checkout errors',
        restoreDatabase: false,
      }),
    );
    expect(started.kind).toBe('rollback');
    await finishBackgroundWork();

    const now = await production();
    expect(now.currentDeploymentId).toBe(world.production.currentDeploymentId);
    expect(now.currentDeploymentId).not.toBe(served);
    expect(now.pinned).toBe(true);

    const viewer = await sessionCookie(world.users.viewer);
    const { status, body } = await progressOf(started.id, viewer);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      id: started.id,
      kind: 'rollback',
      state: 'succeeded',
      step: 'done',
      pinned: true,
      reason: 'checkout errors',
    });
  });

  it('the progress route: 401 without a session, 404 for an unknown id or one no row can have', async () => {
    expect((await progressOf(1)).status).toBe(401);
    const viewer = await sessionCookie(world.users.viewer);
    expect((await progressOf(999_999, viewer)).status).toBe(404);
    // Not an id (letters, other spellings of a number), or beyond what an integer id column
    // holds: not found, never a failing query, never another row.
    for (const id of ['abc', '0x1', '1e0', '1.0', '99999999999']) {
      const response = await getOperationRoute(getWithCookie(`/api/v1/operations/${id}`, viewer), {
        params: Promise.resolve({ id }),
      });
      expect(response.status, id).toBe(404);
      expect((await response.json()).error.code, id).toBe('not_found');
    }
  });
});

describe('preview operations through the actions', () => {
  it('a developer reseeds, then deletes a preview; a viewer is refused both', async () => {
    const pr = await openPullRequest(world, 'feature-actions');
    expect((await provision(world.db, world.clients, { pullRequest: pr })).ok).toBe(true);
    const preview = (await world.db.query.environments.findFirst({
      where: (e, { eq: is }) => is(e.pullRequestId, pr.id),
    }))!;

    await signInAs(world.users.viewer);
    expect(await reseedPreviewAction({ environmentId: preview.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    await signInAs(world.users.developer);
    const reseeded = expectOk(await reseedPreviewAction({ environmentId: preview.id }));
    expect(reseeded.kind).toBe('reseed');
    await finishBackgroundWork();
    expect(await getOperation(world.db, reseeded.id)).toMatchObject({ state: 'succeeded' });

    const form = new FormData();
    form.set('environmentId', String(preview.id));
    const deleted = expectOk(await deletePreviewAction(form));
    await finishBackgroundWork();
    expect(await getOperation(world.db, deleted.id)).toMatchObject({ state: 'succeeded' });
    const [row] = await world.db.select().from(environments).where(eq(environments.id, preview.id));
    expect(row!.status).toBe('deleted');

    const again = await deletePreviewAction({ environmentId: preview.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('not a preview: reseeding production is refused by the operation', async () => {
    await signInAs(world.users.developer);
    const result = await reseedPreviewAction({ environmentId: world.production.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_a_preview' } });
  });
});

describe('an action whose project changed its mind', () => {
  it('without approval required, a promotion runs at once', async () => {
    await world.db.update(projects).set({ requireApproval: false });
    const release = await stagingRelease(world);
    await signInAs(world.users.admin);
    const started = expectOk(
      await requestPromotionAction({ deploymentId: release.id, reason: 'no approval needed' }),
    );
    expect(started.state).not.toBe('requested');
    await finishBackgroundWork();
    expect(await getOperation(world.db, started.id)).toMatchObject({ state: 'succeeded' });
    expect((await production()).pinned).toBe(false);
  });
});
