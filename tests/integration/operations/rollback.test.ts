import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnvironment } from '@/db/queries/environments';
import { getOperation } from '@/db/queries/operation-records';
import { projects } from '@/db/schema';
import { servingSince } from '@/lib/domain/deployments';
import { requestPromotion, rollback } from '@/lib/operations';
import { createWorld, stagingRelease, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

const releaseManager = () => world.actor(world.users.release_manager, 'release_manager');
const production = async () =>
  (await world.db.query.environments.findFirst({
    where: (e, { eq }) => eq(e.id, world.production.id),
  }))!;

describe('rollback', () => {
  it('rolls production back at Vercel, restores its database keeping a backup, and pins it', async () => {
    const good = (await production()).currentDeploymentId!;
    const goodVercelId = world.vercel.store.project('prj_shop').productionId;
    const bad = await stagingRelease(world);
    const promoted = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: bad.id,
      reason: 'release',
      idempotencyKey: 'rollback-test-promote',
    });
    expect(promoted.ok).toBe(true);

    const rolledBackAt = new Date();
    const result = await rollback(world.db, world.clients, releaseManager(), {
      targetDeploymentId: good,
      reason: 'checkout answers 500',
      restoreDatabase: true,
    });
    expect(result).toMatchObject({ ok: true, operation: { kind: 'rollback', state: 'succeeded' } });
    if (!result.ok) return;
    const vercelProject = world.vercel.store.project('prj_shop');
    expect(vercelProject.productionId).toBe(goodVercelId);
    expect(vercelProject.rollbackDescription?.description).toBe('checkout answers 500');
    expect(await production()).toMatchObject({ currentDeploymentId: good, pinned: true });
    // "Deployed" on production says when the target began serving again, not when it was built.
    const serving = await getEnvironment(world.db, world.project.id, world.production.slug);
    expect(serving!.current!.id).toBe(good);
    expect(servingSince(serving!.current!).getTime()).toBeGreaterThanOrEqual(
      rolledBackAt.getTime(),
    );

    const backupName = `main-before-rollback-${result.operation.id}`;
    expect(result.operation.before).toMatchObject({
      productionDeploymentId: bad.id,
      targetDeploymentId: good,
    });
    expect(result.operation.after).toMatchObject({ backupBranch: backupName, pinned: true });
    const branches = [...world.neon.store.branches.values()].map((branch) => branch.name);
    expect(branches).toContain(backupName);
    const productionBranch = await world.db.query.dbBranches.findFirst({
      where: (b, { eq }) => eq(b.id, world.productionBranch.id),
    });
    expect(productionBranch?.lastResetAt).not.toBeNull();
  });

  it('the next promote ends the pin', async () => {
    const release = await stagingRelease(world);
    const promoted = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'fixed release',
      idempotencyKey: 'rollback-test-fix',
    });
    expect(promoted.ok).toBe(true);
    expect(await production()).toMatchObject({ currentDeploymentId: release.id, pinned: false });
  });

  it('refuses a target that is not an earlier ready production deployment', async () => {
    const current = (await production()).currentDeploymentId!;
    const same = await rollback(world.db, world.clients, releaseManager(), {
      targetDeploymentId: current,
      reason: 'again',
    });
    expect(same).toMatchObject({
      ok: false,
      code: 'preconditions_failed',
      preconditions: [{ precondition: 'rollback_target' }],
    });
    const stagingOnly = await stagingRelease(world);
    const notProduction = await rollback(world.db, world.clients, releaseManager(), {
      targetDeploymentId: stagingOnly.id,
      reason: 'wrong target',
    });
    expect(!notProduction.ok && notProduction.message).toContain('never served production');
    expect(!notProduction.ok && notProduction.message).toContain('not earlier');
  });

  it('is not blocked by a promotion waiting for approval, which it rejects as superseded', async () => {
    await world.db
      .update(projects)
      .set({ requireApproval: true })
      .where(eq(projects.id, world.project.id));
    try {
      const current = (await production()).currentDeploymentId!;
      const release = await stagingRelease(world);
      const waiting = await requestPromotion(world.db, world.clients, releaseManager(), {
        deploymentId: release.id,
        reason: 'next release',
        idempotencyKey: 'rollback-test-waiting',
      });
      expect(waiting).toMatchObject({ ok: true, operation: { state: 'requested' } });
      const earlier = await world.db.query.deployments.findFirst({
        where: (d, { and, eq: is, ne }) =>
          and(is(d.projectId, world.project.id), is(d.target, 'production'), ne(d.id, current)),
        orderBy: (d, { asc }) => asc(d.providerCreatedAt),
      });
      const result = await rollback(world.db, world.clients, releaseManager(), {
        targetDeploymentId: earlier!.id,
        reason: 'incident',
      });
      expect(result).toMatchObject({ ok: true, operation: { state: 'succeeded' } });
      const waitingId = waiting.ok ? waiting.operation.id : 0;
      expect(result.ok && result.operation.before?.supersededOperationIds).toEqual([waitingId]);
      expect(await getOperation(world.db, waitingId)).toMatchObject({
        state: 'rejected',
        error: 'superseded: production was rolled back before this was approved',
      });
    } finally {
      await world.db
        .update(projects)
        .set({ requireApproval: false })
        .where(eq(projects.id, world.project.id));
    }
  });

  it('requires a reason', async () => {
    const result = await rollback(world.db, world.clients, releaseManager(), {
      targetDeploymentId: 1,
      reason: '',
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('ends failed with Neon’s reason when the restore fails, production recorded as rolled back', async () => {
    const fresh = await stagingRelease(world);
    const promoted = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: fresh.id,
      reason: 'release',
      idempotencyKey: 'rollback-test-before-restore-failure',
    });
    expect(promoted.ok).toBe(true);
    const current = await production();
    const earlier = await world.db.query.deployments.findFirst({
      where: (d, { and, eq, ne, lt }) =>
        and(
          eq(d.projectId, world.project.id),
          eq(d.target, 'production'),
          ne(d.id, current.currentDeploymentId!),
          lt(d.providerCreatedAt, new Date()),
        ),
      orderBy: (d, { asc }) => asc(d.providerCreatedAt),
    });
    world.neon.store.operations.failNext();
    const result = await rollback(world.db, world.clients, releaseManager(), {
      targetDeploymentId: earlier!.id,
      reason: 'bad again',
      restoreDatabase: true,
    });
    expect(result).toMatchObject({ ok: false, code: 'failed', operation: { state: 'failed' } });
    expect(!result.ok && result.operation?.error).toMatch(
      /^neon-restore: neon waitForOperations failed: operation .* failed: sandbox: injected operation failure/,
    );
    expect(!result.ok && result.operation?.after).toMatchObject({
      servedVercelId: earlier!.vercelId,
    });
  });
});
