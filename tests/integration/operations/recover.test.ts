import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOperation } from '@/db/queries/operation-records';
import { pullRequests } from '@/db/schema';
import {
  OPERATION_TIMEOUT_MS,
  type OperationClients,
  ProcessInterrupted,
  provision,
  recoverInterruptedOperations,
  deletePreview,
  requestPromotion,
  reseed,
  rollback,
} from '@/lib/operations';
import { createWorld, openPullRequest, stagingRelease, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

/** Clients whose step runner "dies" just before `step`, leaving the row as a crash would. */
const crashingBefore = (step: string): OperationClients => ({
  ...world.clients,
  hooks: {
    beforeStep: (_operation, next) => {
      if (next === step) throw new ProcessInterrupted(next);
    },
  },
});
const later = () => new Date(Date.now() + OPERATION_TIMEOUT_MS + 1000);
const releaseManager = () => world.actor(world.users.release_manager, 'release_manager');
const production = async () =>
  (await world.db.query.environments.findFirst({
    where: (e, { eq: is }) => is(e.id, world.production.id),
  }))!;

async function promoteCrashingBefore(step: string, idempotencyKey: string) {
  const release = await stagingRelease(world);
  await expect(
    requestPromotion(world.db, crashingBefore(step), releaseManager(), {
      deploymentId: release.id,
      reason: 'release',
      idempotencyKey,
    }),
  ).rejects.toThrow(ProcessInterrupted);
  const operation = await world.db.query.operations.findFirst({
    where: (o, { eq: is }) => is(o.idempotencyKey, idempotencyKey),
  });
  expect(operation).toMatchObject({ state: 'running' });
  return { release, operation: operation! };
}

describe('recoverInterruptedOperations', () => {
  it('leaves a running operation alone until it is older than the timeout', async () => {
    const { operation } = await promoteCrashingBefore('record', 'recover-young');
    const report = await recoverInterruptedOperations(world.db, world.clients, new Date());
    expect(report.finished).toEqual([]);
    expect((await getOperation(world.db, operation.id))?.state).toBe('running');
    await recoverInterruptedOperations(world.db, world.clients, later());
  });

  it('finishes a promote that moved production at Vercel as succeeded, recording it', async () => {
    const { release, operation } = await promoteCrashingBefore('record', 'recover-moved');
    expect(world.vercel.store.project('prj_shop').productionId).toBe(release.vercelId);
    const report = await recoverInterruptedOperations(world.db, world.clients, later());
    expect(report.finished).toEqual([
      expect.objectContaining({ id: operation.id, kind: 'promote', state: 'succeeded' }),
    ]);
    expect(await getOperation(world.db, operation.id)).toMatchObject({ state: 'succeeded' });
    expect((await production()).currentDeploymentId).toBe(release.id);
  });

  it('fails a promote that never reached Vercel as interrupted, and frees production', async () => {
    const served = world.vercel.store.project('prj_shop').productionId;
    const { release, operation } = await promoteCrashingBefore(
      'vercel-promote',
      'recover-not-moved',
    );
    await recoverInterruptedOperations(world.db, world.clients, later());
    expect(await getOperation(world.db, operation.id)).toMatchObject({
      state: 'failed',
      error: `interrupted: production still serves ${served}, not ${release.vercelId}`,
    });
    const retried = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'release again',
      idempotencyKey: 'recover-retry',
    });
    expect(retried).toMatchObject({ ok: true, operation: { state: 'succeeded' } });
  });

  it('finishes a delete whose branch and deployments are gone, and fails one that stopped early', async () => {
    const developer = world.actor(world.users.developer, 'developer');
    const done = await openPullRequest(world, 'feature-crash-late');
    await provision(world.db, world.clients, { pullRequest: done });
    const doneEnvironment = (await world.db.query.environments.findFirst({
      where: (e, { eq: is }) => is(e.pullRequestId, done.id),
    }))!;
    await expect(
      deletePreview(world.db, crashingBefore('record'), developer, {
        environmentId: doneEnvironment.id,
      }),
    ).rejects.toThrow(ProcessInterrupted);

    const early = await openPullRequest(world, 'feature-crash-early');
    await provision(world.db, world.clients, { pullRequest: early });
    const earlyEnvironment = (await world.db.query.environments.findFirst({
      where: (e, { eq: is }) => is(e.pullRequestId, early.id),
    }))!;
    await expect(
      deletePreview(world.db, crashingBefore('neon-delete'), developer, {
        environmentId: earlyEnvironment.id,
      }),
    ).rejects.toThrow(ProcessInterrupted);

    const report = await recoverInterruptedOperations(world.db, world.clients, later());
    const byKind = Object.fromEntries(report.finished.map((f) => [f.state, f.detail]));
    expect(byKind.succeeded).toBe('its deployments and database branch are gone');
    expect(byKind.failed).toMatch(/^interrupted: still present: branch br-/);
    const environments = await world.db.query.environments.findMany({
      where: (e, { inArray }) => inArray(e.id, [doneEnvironment.id, earlyEnvironment.id]),
      orderBy: (e, { asc }) => asc(e.id),
    });
    expect(environments.map((e) => e.status)).toEqual(['deleted', 'active']);
    await world.db
      .update(pullRequests)
      .set({ state: 'closed' })
      .where(eq(pullRequests.id, early.id));
  });
});

describe('recoverInterruptedOperations for rollback, reseed and provision', () => {
  const developer = () => world.actor(world.users.developer, 'developer');

  it('finishes a rollback that Vercel carried out, pinning production', async () => {
    const release = await stagingRelease(world);
    const promoted = await requestPromotion(world.db, world.clients, releaseManager(), {
      deploymentId: release.id,
      reason: 'release',
      idempotencyKey: 'recover-before-rollback',
    });
    expect(promoted.ok).toBe(true);
    const target = promoted.ok ? Number(promoted.operation.before?.productionDeploymentId) : 0;
    await expect(
      rollback(world.db, crashingBefore('record'), releaseManager(), {
        targetDeploymentId: target,
        reason: 'broken',
        idempotencyKey: 'recover-rollback',
      }),
    ).rejects.toThrow(ProcessInterrupted);
    const report = await recoverInterruptedOperations(world.db, world.clients, later());
    expect(report.finished).toEqual([
      expect.objectContaining({ kind: 'rollback', state: 'succeeded' }),
    ]);
    expect(await production()).toMatchObject({ currentDeploymentId: target, pinned: true });
  });

  it('judges a reseed by the branch’s reset time at Neon', async () => {
    const pr = await openPullRequest(world, 'feature-reseed-crash');
    await provision(world.db, world.clients, { pullRequest: pr });
    const environment = (await world.db.query.environments.findFirst({
      where: (e, { eq: is }) => is(e.pullRequestId, pr.id),
    }))!;
    await expect(
      reseed(world.db, crashingBefore('neon-reset'), developer(), {
        environmentId: environment.id,
      }),
    ).rejects.toThrow(ProcessInterrupted);
    const notReset = await recoverInterruptedOperations(world.db, world.clients, later());
    expect(notReset.finished).toEqual([
      expect.objectContaining({
        kind: 'reseed',
        state: 'failed',
        detail: 'interrupted: the database branch was not reset',
      }),
    ]);

    await expect(
      reseed(world.db, crashingBefore('pr-comment'), developer(), {
        environmentId: environment.id,
      }),
    ).rejects.toThrow(ProcessInterrupted);
    const reset = await recoverInterruptedOperations(world.db, world.clients, later());
    expect(reset.finished).toEqual([
      expect.objectContaining({ kind: 'reseed', state: 'succeeded' }),
    ]);
  });

  it('fails a provision whose DATABASE_URL was never set, saying the next push retries', async () => {
    const pr = await openPullRequest(world, 'feature-provision-crash');
    await expect(
      provision(world.db, crashingBefore('vercel-env'), { pullRequest: pr }),
    ).rejects.toThrow(ProcessInterrupted);
    const report = await recoverInterruptedOperations(world.db, world.clients, later());
    expect(report.finished).toEqual([
      expect.objectContaining({
        kind: 'provision',
        state: 'failed',
        detail:
          'interrupted: branch preview/feature-provision-crash exists but its DATABASE_URL is not confirmed; the next push provisions again',
      }),
    ]);
  });
});

describe('injected provider failures', () => {
  it('a Neon operation that fails ends the provision failed with Neon’s reason', async () => {
    const pr = await openPullRequest(world, 'feature-neon-fails');
    world.neon.store.operations.failNext();
    const result = await provision(world.db, world.clients, { pullRequest: pr });
    expect(result).toMatchObject({ ok: false, code: 'failed', operation: { state: 'failed' } });
    expect(!result.ok && result.operation?.error).toMatch(
      /^neon-branch: neon waitForOperations failed: operation create_timeline .* failed/,
    );
  });

  it('GitHub refusing the commit status ends the promote failed, naming the step', async () => {
    const release = await stagingRelease(world);
    world.github.faults.configure({ errorRate: 1, errorStatuses: [502] });
    try {
      const result = await requestPromotion(world.db, world.clients, releaseManager(), {
        deploymentId: release.id,
        reason: 'release',
        idempotencyKey: 'recover-github-down',
      });
      expect(result).toMatchObject({ ok: false, code: 'failed' });
      expect(!result.ok && result.operation?.error).toMatch(
        /^commit-status-pending: github createCommitStatus failed/,
      );
    } finally {
      world.github.faults.reset();
    }
  });
});
