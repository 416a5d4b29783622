import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOperation } from '@/db/queries/operation-records';
import { listDeployments } from '@/db/queries/deployments';
import { getEnvironment } from '@/db/queries/environments';
import { dbBranches, deployments, environments, projects } from '@/db/schema';
import { servingSince } from '@/lib/domain/deployments';
import { approve, reject, requestPromotion } from '@/lib/operations';
import { commitStatuses, createWorld, stagingRelease, type World } from './world';
import { captureLogLines } from '@/tests/support/captured-logs';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

const releaseManager = () => world.actor(world.users.release_manager, 'release_manager');
let keys = 0;
const key = () => `promote-test-${++keys}`;

async function productionRow() {
  return (await world.db.query.environments.findFirst({
    where: (e, { eq: is }) => is(e.id, world.production.id),
  }))!;
}

describe('requestPromotion without approval', () => {
  it('promotes at Vercel, records production, and reports the gate on the commit', async () => {
    const release = await stagingRelease(world);
    const result = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'weekly release',
      idempotencyKey: key(),
    });
    expect(result).toMatchObject({ ok: true, operation: { state: 'succeeded', step: 'done' } });
    if (!result.ok) return;
    expect(world.vercel.store.project('prj_shop').productionId).toBe(release.vercelId);
    expect((await productionRow()).currentDeploymentId).toBe(release.id);
    const served = await world.db.query.deployments.findFirst({
      where: (d, { eq: is }) => is(d.id, release.id),
    });
    expect(served?.source).toBe('promote');
    expect(result.operation.before).toMatchObject({ deploymentId: release.id });
    expect(result.operation.after).toMatchObject({
      servedVercelId: release.vercelId,
      pinned: false,
    });
    expect(result.operation).toMatchObject({
      actorId: world.users.release_manager.id,
      reason: 'weekly release',
    });
    expect(commitStatuses(world, release.commitSha)).toEqual([
      { state: 'pending', context: 'envboard/promotion-gate' },
      { state: 'success', context: 'envboard/promotion-gate' },
    ]);
  });

  it('returns the same operation for the same idempotency key instead of promoting twice', async () => {
    const release = await stagingRelease(world);
    const idempotencyKey = key();
    const input = { deploymentId: release.id, reason: 'release', idempotencyKey };
    const first = await requestPromotion(world.db, world.clients, releaseManager(), input);
    const again = await requestPromotion(world.db, world.clients, releaseManager(), input);
    expect(first.ok && again.ok && again.operation.id === first.operation.id).toBe(true);
    expect(commitStatuses(world, release.commitSha)).toHaveLength(2);
  });

  it('requires a reason for a production change', async () => {
    const release = await stagingRelease(world);
    const result = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: '  ',
      idempotencyKey: key(),
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(!result.ok && result.message).toContain('a reason is required');
  });

  it('ends failed with the provider reason when Vercel refuses, and marks the commit failed', async () => {
    const release = await stagingRelease(world);
    world.vercel.faults.configure({ errorRate: 1, errorStatuses: [500] });
    try {
      const result = await requestPromotion(world.db, world.clients, releaseManager(), {
        deploymentId: release.id,
        reason: 'release',
        idempotencyKey: key(),
      });
      expect(result).toMatchObject({ ok: false, code: 'failed', operation: { state: 'failed' } });
      if (result.ok) return;
      expect(result.operation?.error).toMatch(/^vercel-promote: vercel promote failed: .*500/);
      expect(result.operation?.step).toBe('vercel-promote');
    } finally {
      world.vercel.faults.reset();
    }
    expect(commitStatuses(world, release.commitSha).map((status) => status.state)).toEqual([
      'pending',
      'failure',
    ]);
    expect((await productionRow()).currentDeploymentId).not.toBe(release.id);
  });
});

describe('what a promotion shows on production', () => {
  it('lists the promoted build in production’s history, marked promoted at its time, and serving since then', async () => {
    const release = await stagingRelease(world);
    const builtAt = new Date(Date.now() - 3 * 3_600_000);
    await world.db
      .update(deployments)
      .set({ providerCreatedAt: builtAt, readyAt: builtAt, providerUpdatedAt: builtAt })
      .where(eq(deployments.id, release.id));
    const before = new Date();
    const result = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'release',
      idempotencyKey: key(),
    });
    expect(result.ok).toBe(true);

    const history = await listDeployments(
      world.db,
      world.project.id,
      { environment: world.production.slug },
      { limit: 50 },
    );
    const listed = history.rows.find((row) => row.id === release.id);
    expect(listed).toMatchObject({ source: 'promote', target: 'production' });
    expect(listed!.promotedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const production = await getEnvironment(world.db, world.project.id, world.production.slug);
    expect(production!.current!.id).toBe(release.id);
    expect(servingSince(production!.current!).getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('refuses to promote what production already serves, the same deployment or commit', async () => {
    const release = await stagingRelease(world);
    const first = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'release',
      idempotencyKey: key(),
    });
    expect(first.ok).toBe(true);
    const again = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'again',
      idempotencyKey: key(),
    });
    expect(again).toMatchObject({
      ok: false,
      code: 'preconditions_failed',
      preconditions: [{ precondition: 'not_already_serving' }],
    });
    expect(!again.ok && again.message).toContain('production already serves this deployment');
  });
});

describe('a step that fails for a reason that is not the provider’s', () => {
  it('records the step without the internal detail, which goes to the server log', async () => {
    const release = await stagingRelease(world);
    const logs = captureLogLines();
    const broken = {
      ...world.clients,
      vercel: {
        ...world.clients.vercel,
        promote: async () => {
          throw new Error('connection string postgres://secret@db');
        },
      },
    };
    try {
      const result = await requestPromotion(world.db, broken, releaseManager(), {
        deploymentId: release.id,
        reason: 'release',
        idempotencyKey: key(),
      });
      expect(!result.ok && result.operation?.error).toBe(
        'vercel-promote: internal error; the server log has the detail',
      );
      expect(logs.errors()).toHaveLength(1);
    } finally {
      logs.restore();
    }
  });
});

describe('promotion preconditions', () => {
  const request = (deploymentId: number) =>
    requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId,
      reason: 'release',
      idempotencyKey: key(),
    });
  const names = (result: Awaited<ReturnType<typeof request>>) =>
    result.ok ? [] : (result.preconditions ?? []).map((p) => p.check ?? p.precondition);

  it('refuses a deployment that is not ready', async () => {
    const release = await stagingRelease(world, { readyState: 'BUILDING' });
    const result = await request(release.id);
    expect(result).toMatchObject({ ok: false, code: 'preconditions_failed' });
    expect(names(result)).toEqual(['deployment_ready']);
  });

  it('refuses a deployment that is not on staging', async () => {
    const [onProduction] = await world.db.query.deployments.findMany({
      where: (d, { eq: is }) => is(d.environmentId, world.production.id),
      limit: 1,
    });
    expect(names(await request(onProduction!.id))).toContain('deployment_on_staging');
  });

  it('names each required check that is not green on that commit', async () => {
    const failed = await stagingRelease(world, { checks: { ci: 'failure', e2e: 'passed' } });
    expect(names(await request(failed.id))).toEqual(['ci']);
    const pending = await stagingRelease(world, { checks: { ci: 'in_progress', e2e: 'failed' } });
    const result = await request(pending.id);
    expect(names(result)).toEqual(['ci', 'e2e']);
    expect(!result.ok && result.message).toContain('"ci" has not finished');
    const missing = await stagingRelease(world, { checks: { ci: 'success', e2e: 'none' } });
    expect(names(await request(missing.id))).toEqual(['e2e']);
  });

  it('refuses while migrations are not validated on the staging branch', async () => {
    await world.db
      .update(dbBranches)
      .set({ migrationsValidatedAt: null })
      .where(eq(dbBranches.id, world.stagingBranch.id));
    try {
      const release = await stagingRelease(world);
      expect(names(await request(release.id))).toEqual(['migrations_validated']);
    } finally {
      await world.db
        .update(dbBranches)
        .set({ migrationsValidatedAt: new Date() })
        .where(eq(dbBranches.id, world.stagingBranch.id));
    }
  });

  it('refuses while production is frozen, and names every failing precondition at once', async () => {
    const until = new Date(Date.now() + 3_600_000);
    await world.db
      .update(environments)
      .set({ frozenUntil: until })
      .where(eq(environments.id, world.production.id));
    try {
      const release = await stagingRelease(world, { checks: { ci: 'failure', e2e: 'passed' } });
      const result = await request(release.id);
      expect(names(result)).toEqual(['ci', 'production_not_frozen']);
      expect(!result.ok && result.message).toContain(`frozen until ${until.toISOString()}`);
    } finally {
      await world.db
        .update(environments)
        .set({ frozenUntil: null })
        .where(eq(environments.id, world.production.id));
    }
  });

  it('refuses an unknown deployment', async () => {
    expect(await request(987_654)).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('promotion with approval', () => {
  beforeAll(async () => {
    await world.db
      .update(projects)
      .set({ requireApproval: true })
      .where(eq(projects.id, world.project.id));
  });

  it('waits in requested, refuses self-approval, then runs on a second release manager', async () => {
    const release = await stagingRelease(world);
    const requested = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'release with approval',
      idempotencyKey: key(),
    });
    expect(requested).toMatchObject({ ok: true, operation: { state: 'requested' } });
    if (!requested.ok) return;
    const operationId = requested.operation.id;
    expect(world.vercel.store.project('prj_shop').productionId).not.toBe(release.vercelId);

    const self = await approve(world.db, world.clients, releaseManager(), {
      operationId,
      reason: 'looks good to me',
    });
    expect(self).toMatchObject({ ok: false, code: 'self_approval' });
    expect(!self.ok && self.message).toContain('another release manager must approve it');

    const approver = world.actor(world.users.secondReleaseManager, 'release_manager');
    const noReason = await approve(world.db, world.clients, approver, { operationId, reason: '' });
    expect(noReason).toMatchObject({ ok: false, code: 'invalid_input' });

    const approved = await approve(world.db, world.clients, approver, {
      operationId,
      reason: 'checked the changelog',
    });
    expect(approved).toMatchObject({ ok: true, operation: { state: 'succeeded' } });
    expect(world.vercel.store.project('prj_shop').productionId).toBe(release.vercelId);
    const stored = await getOperation(world.db, operationId);
    expect(stored?.approvals).toEqual([
      expect.objectContaining({
        approverId: world.users.secondReleaseManager.id,
        decision: 'approved',
        reason: 'checked the changelog',
      }),
    ]);
    const twice = await approve(world.db, world.clients, approver, {
      operationId,
      reason: 'again',
    });
    expect(twice).toMatchObject({ ok: false, code: 'not_awaiting_approval' });
  });

  it('checks the gate again when approved: a freeze since the request fails it, named', async () => {
    const release = await stagingRelease(world);
    const requested = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'release',
      idempotencyKey: key(),
    });
    if (!requested.ok) throw new Error(requested.message);
    await world.db
      .update(environments)
      .set({ frozenUntil: new Date(Date.now() + 3_600_000) })
      .where(eq(environments.id, world.production.id));
    try {
      const approved = await approve(
        world.db,
        world.clients,
        world.actor(world.users.secondReleaseManager, 'release_manager'),
        { operationId: requested.operation.id, reason: 'ok' },
      );
      expect(approved).toMatchObject({ ok: false, code: 'failed', operation: { state: 'failed' } });
      expect(!approved.ok && approved.operation?.error).toMatch(
        /^preconditions: preconditions no longer hold: Production is frozen until /,
      );
    } finally {
      await world.db
        .update(environments)
        .set({ frozenUntil: null })
        .where(eq(environments.id, world.production.id));
    }
  });

  it('a rejected promotion ends rejected and frees production for the next request', async () => {
    const release = await stagingRelease(world);
    const requested = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'release',
      idempotencyKey: key(),
    });
    if (!requested.ok) throw new Error(requested.message);
    const admin = world.actor(world.users.admin, 'admin');
    const rejected = await reject(world.db, world.clients, admin, {
      operationId: requested.operation.id,
      reason: 'not during the sale',
    });
    expect(rejected).toMatchObject({
      ok: true,
      operation: { state: 'rejected', error: 'rejected: not during the sale' },
    });
    const next = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'after the sale',
      idempotencyKey: key(),
    });
    expect(next).toMatchObject({ ok: true, operation: { state: 'requested' } });
    if (next.ok) {
      await reject(world.db, world.clients, admin, {
        operationId: next.operation.id,
        reason: 'tidy',
      });
    }
  });
});
