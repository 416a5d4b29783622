import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations } from '@/db/queries/audit';
import { getActiveOperation } from '@/db/queries/operation-locks';
import { getOperation } from '@/db/queries/operation-records';
import { projects } from '@/db/schema';
import {
  approve,
  OPERATION_TIMEOUT_MS,
  type OperationClients,
  ProcessInterrupted,
  reject,
  requestPromotion,
} from '@/lib/operations';
import { recoveryJob } from '@/lib/operations/recovery-job';
import { runSync } from '@/lib/sync/run-sync';
import { HOUR } from '@/tests/support/factories';
import { createWorld, stagingRelease, type World } from './world';

/**
 * The 5-minute recovery job against the sandboxes: a crashed operation is finished from the
 * providers' real state, and a promotion request nobody approved within PROMOTION_REQUEST_TTL
 * expires, frees production and says why; an approval that comes after is refused.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld({ prefix: 'recovery' });
});
afterAll(() => world.close());

const releaseManager = () => world.actor(world.users.release_manager, 'release_manager');
const approver = () => world.actor(world.users.secondReleaseManager, 'release_manager');
const inFuture = (ms: number) => new Date(Date.now() + ms);
const recover = (at: Date, env: Record<string, string> = {}) =>
  runSync(world.db, recoveryJob(world.clients, env), () => at);
const clientsAt = (at: Date): OperationClients => ({ ...world.clients, now: () => at });

async function requireApproval(required: boolean) {
  await world.db
    .update(projects)
    .set({ requireApproval: required })
    .where(eq(projects.id, world.project.id));
}

async function requestPromotionWaiting(key: string) {
  const release = await stagingRelease(world);
  const result = await requestPromotion(world.db, world.clients, releaseManager(), {
    deploymentId: release.id,
    reason: 'weekly release',
    idempotencyKey: key,
  });
  expect(result).toMatchObject({ ok: true, operation: { state: 'requested' } });
  return result.ok ? result.operation : undefined!;
}

describe('recovery of crashed operations', () => {
  it('finishes a crashed running operation from what Vercel serves, freeing production', async () => {
    await requireApproval(false);
    const served = world.vercel.store.project('prj_shop').productionId;
    const release = await stagingRelease(world);
    const crashing: OperationClients = {
      ...world.clients,
      hooks: {
        beforeStep: (_operation, step) => {
          if (step === 'vercel-promote') throw new ProcessInterrupted(step);
        },
      },
    };
    await expect(
      requestPromotion(world.db, crashing, releaseManager(), {
        deploymentId: release.id,
        reason: 'release',
        idempotencyKey: 'recovery-crash',
      }),
    ).rejects.toThrow(ProcessInterrupted);
    const crashed = (await getActiveOperation(world.db, world.production.id))!;
    expect(crashed).toMatchObject({ kind: 'promote', state: 'running' });

    const early = await recover(inFuture(60_000));
    expect(early.status).toBe('succeeded');
    expect(await getOperation(world.db, crashed.id)).toMatchObject({ state: 'running' });

    const run = await recover(inFuture(OPERATION_TIMEOUT_MS + 60_000));
    expect(run).toMatchObject({ kind: 'operations.recover', status: 'succeeded', errors: [] });
    expect(await getOperation(world.db, crashed.id)).toMatchObject({
      state: 'failed',
      error: `interrupted: production still serves ${served}, not ${release.vercelId}`,
    });
    expect(await getActiveOperation(world.db, world.production.id)).toBeUndefined();
  });
});

describe('promotion requests nobody approves', () => {
  it('expire after the TTL, free production, and the audit says why', async () => {
    await requireApproval(true);
    const waiting = await requestPromotionWaiting('recovery-expire');

    await recover(inFuture(23 * HOUR));
    expect(await getOperation(world.db, waiting.id)).toMatchObject({ state: 'requested' });

    const at = inFuture(25 * HOUR);
    const run = await recover(at);
    expect(run.itemsChanged).toBeGreaterThanOrEqual(1);
    expect(await getOperation(world.db, waiting.id)).toMatchObject({
      state: 'rejected',
      error: 'expired: not approved within 24 h',
      finishedAt: at,
    });
    expect(await getActiveOperation(world.db, world.production.id)).toBeUndefined();
    const audit = await listOperations(
      world.db,
      world.project.id,
      { outcome: 'rejected' },
      { limit: 50 },
    );
    expect(audit.rows.find((entry) => entry.id === waiting.id)).toMatchObject({
      error: 'expired: not approved within 24 h',
    });

    const late = await approve(world.db, world.clients, approver(), {
      operationId: waiting.id,
      reason: 'sorry, was away',
    });
    expect(late).toMatchObject({
      ok: false,
      code: 'not_awaiting_approval',
      message:
        'This promotion request expired: not approved within 24 h; request the promotion again.',
    });
  });

  it('follow PROMOTION_REQUEST_TTL', async () => {
    const waiting = await requestPromotionWaiting('recovery-ttl');
    await recover(inFuture(3 * HOUR), { PROMOTION_REQUEST_TTL: '2h' });
    expect(await getOperation(world.db, waiting.id)).toMatchObject({
      state: 'rejected',
      error: 'expired: not approved within 2 h',
    });
  });

  it('are refused when approved after the TTL, even before the job has run', async () => {
    const waiting = await requestPromotionWaiting('recovery-late-approval');
    const afterTtl = clientsAt(inFuture(25 * HOUR));
    const late = await approve(world.db, afterTtl, approver(), {
      operationId: waiting.id,
      reason: 'ship it',
    });
    expect(late).toMatchObject({
      ok: false,
      code: 'not_awaiting_approval',
      message: expect.stringContaining('expired: not approved within 24 h'),
    });
    expect(await getOperation(world.db, waiting.id)).toMatchObject({
      state: 'rejected',
      error: 'expired: not approved within 24 h',
      approvals: [],
    });
    const rejected = await reject(world.db, afterTtl, approver(), {
      operationId: waiting.id,
      reason: 'too late anyway',
    });
    expect(rejected).toMatchObject({ ok: false, code: 'not_awaiting_approval' });
    expect(await getActiveOperation(world.db, world.production.id)).toBeUndefined();
  });

  it('stay approvable within the TTL', async () => {
    const waiting = await requestPromotionWaiting('recovery-in-time');
    const approved = await approve(world.db, clientsAt(inFuture(HOUR)), approver(), {
      operationId: waiting.id,
      reason: 'checked',
    });
    expect(approved).toMatchObject({ ok: true, operation: { state: 'succeeded' } });
  });
});
