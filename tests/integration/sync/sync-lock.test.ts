import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { syncRuns, webhookDeliveries } from '@/db/schema';
import { recordWebhookDelivery, setWebhookDeliveryOutcome } from '@/db/writes/webhook-deliveries';
import type { OperationClients } from '@/lib/operations';
import { recoveryJob } from '@/lib/operations/recovery-job';
import { pruneHistory } from '@/lib/sync/retention';
import { attemptSync, runSync } from '@/lib/sync/run-sync';
import type { SyncJob } from '@/lib/sync/sync-job';
import { overdueReason, SYNC_TIME_LIMIT_MS } from '@/lib/sync/sync-lock';
import { DAY, MINUTE } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

/**
 * One run of a sync kind at a time, enforced by the database; runs left `running` by a dead
 * invocation are closed as failed; old webhook deliveries and sync runs are pruned, a batch at a
 * time, keeping what is still needed.
 */

let handle: DatabaseHandle;
const db = () => handle.db;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

/** A job whose work waits until the test lets it finish. */
function heldJob(kind: string) {
  let release!: () => void;
  let started!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const running = new Promise<void>((resolve) => (started = resolve));
  const job: SyncJob = {
    kind,
    callsSpent: () => 0,
    work: async () => {
      started();
      await released;
      return { itemsSeen: 1, itemsChanged: 1, errors: [] };
    },
  };
  return { job, running, release };
}

const quickJob = (kind: string): SyncJob => ({
  kind,
  callsSpent: () => 0,
  work: async () => ({ itemsSeen: 0, itemsChanged: 0, errors: [] }),
});

/** The recovery job never reaches a provider here: no operation is left to recover. */
const noProviders = new Proxy(
  {},
  {
    get: (_target, name) => {
      throw new Error(`a provider was called (${String(name)})`);
    },
  },
) as unknown as OperationClients;

const runRow = async (id: number) =>
  (await db().select().from(syncRuns).where(eq(syncRuns.id, id)))[0]!;

describe('the lock per sync kind', () => {
  it('refuses a second run of a kind while the first runs, and lets other kinds run', async () => {
    const first = heldJob('lock.concurrent');
    const firstAttempt = attemptSync(db(), first.job);
    await first.running;

    const second = await attemptSync(db(), quickJob('lock.concurrent'));
    expect(second).toMatchObject({
      ok: false,
      code: 'sync_running',
      message: expect.stringContaining('lock.concurrent is already running'),
    });
    await expect(runSync(db(), quickJob('lock.concurrent'))).rejects.toThrow(/already running/);
    expect(await attemptSync(db(), quickJob('lock.other'))).toMatchObject({ ok: true });

    first.release();
    expect(await firstAttempt).toMatchObject({ ok: true, run: { status: 'succeeded' } });
    const rows = await db().select().from(syncRuns).where(eq(syncRuns.kind, 'lock.concurrent'));
    expect(rows.map((row) => row.status)).toEqual(['succeeded']);
    expect(await attemptSync(db(), quickJob('lock.concurrent'))).toMatchObject({ ok: true });
  });

  it("closes a run left running past its kind's time limit as failed, then runs", async () => {
    const now = new Date();
    const [stale] = await db()
      .insert(syncRuns)
      .values({
        kind: 'lock.stale',
        status: 'running',
        startedAt: new Date(now.getTime() - SYNC_TIME_LIMIT_MS - MINUTE),
      })
      .returning();
    const attempt = await attemptSync(db(), quickJob('lock.stale'), () => now);
    expect(attempt).toMatchObject({ ok: true, run: { status: 'succeeded' } });
    expect(await runRow(stale!.id)).toMatchObject({
      status: 'failed',
      finishedAt: now,
      errors: [overdueReason()],
    });
  });

  it('leaves a run younger than the time limit holding its kind', async () => {
    const now = new Date();
    const [young] = await db()
      .insert(syncRuns)
      .values({
        kind: 'lock.young',
        status: 'running',
        startedAt: new Date(now.getTime() - MINUTE),
      })
      .returning();
    expect(await attemptSync(db(), quickJob('lock.young'), () => now)).toMatchObject({ ok: false });
    expect(await runRow(young!.id)).toMatchObject({ status: 'running' });
  });

  it('is freed by the recovery job when a run of any kind outlived the time limit', async () => {
    const now = new Date();
    const [stale] = await db()
      .insert(syncRuns)
      .values({
        kind: 'github.pull_requests',
        status: 'running',
        startedAt: new Date(now.getTime() - SYNC_TIME_LIMIT_MS - MINUTE),
      })
      .returning();
    const run = await runSync(db(), recoveryJob(noProviders, {}), () => now);
    expect(run).toMatchObject({ status: 'succeeded', errors: [] });
    expect(await runRow(stale!.id)).toMatchObject({ status: 'failed', errors: [overdueReason()] });
  });
});

describe('retention', () => {
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  async function delivery(
    name: string,
    status: 'applied' | 'ignored' | 'failed' | 'received',
    days: number,
  ) {
    const stored = await recordWebhookDelivery(db(), {
      provider: 'github',
      deliveryId: `retention-${name}`,
      event: 'push',
      payload: {},
      receivedAt: ago(days),
    });
    if (status !== 'received') {
      await setWebhookDeliveryOutcome(db(), stored!.id, { status, attempts: 1 });
    }
    return stored!.id;
  }

  async function run(kind: string, status: 'succeeded' | 'failed', days: number) {
    const [row] = await db()
      .insert(syncRuns)
      .values({ kind, status, startedAt: ago(days), finishedAt: ago(days), cursor: `${days}` })
      .returning({ id: syncRuns.id });
    return row!.id;
  }

  it('prunes old applied deliveries and old runs, keeping failed deliveries and each last success', async () => {
    const deliveries = {
      oldApplied: await delivery('old-applied', 'applied', 40),
      oldIgnored: await delivery('old-ignored', 'ignored', 31),
      oldFailed: await delivery('old-failed', 'failed', 90),
      oldReceived: await delivery('old-received', 'received', 40),
      recentApplied: await delivery('recent-applied', 'applied', 29),
    };
    const runs = {
      olderSuccess: await run('retention.kind', 'succeeded', 45),
      oldSuccess: await run('retention.kind', 'succeeded', 40),
      oldFailure: await run('retention.kind', 'failed', 35),
      recent: await run('retention.kind', 'succeeded', 1),
      onlySuccessOfOtherKind: await run('retention.other', 'succeeded', 60),
    };

    const job = await runSync(db(), recoveryJob(noProviders, { RETENTION_DAYS: '30' }), () => now);
    expect(job.status).toBe('succeeded');

    const keptDeliveries = await db()
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.id, Object.values(deliveries)));
    expect(keptDeliveries.map((row) => row.id).sort((a, b) => a - b)).toEqual(
      [deliveries.oldFailed, deliveries.oldReceived, deliveries.recentApplied].sort(
        (a, b) => a - b,
      ),
    );
    const keptRuns = await db()
      .select({ id: syncRuns.id })
      .from(syncRuns)
      .where(inArray(syncRuns.id, Object.values(runs)));
    expect(keptRuns.map((row) => row.id).sort((a, b) => a - b)).toEqual(
      [runs.recent, runs.onlySuccessOfOtherKind].sort((a, b) => a - b),
    );
  });

  it('deletes at most a batch of each per run, oldest first', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await delivery(`batch-${i}`, 'applied', 50 - i));
    expect(await pruneHistory(db(), now, 30, 2)).toMatchObject({ deliveries: 2 });
    const left = await db()
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.id, ids));
    expect(left.map((row) => row.id).sort((a, b) => a - b)).toEqual(
      ids.slice(2).sort((a, b) => a - b),
    );
  });

  it('fails the run, naming the variable, when RETENTION_DAYS is malformed', async () => {
    const run = await runSync(
      db(),
      recoveryJob(noProviders, { RETENTION_DAYS: 'a month' }),
      () => now,
    );
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatch(/^invalid settings: RETENTION_DAYS/);
  });
});
