import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { latestSyncRunPerKind, recentSyncRuns } from '@/db/queries/sync-status';
import { runSync } from '@/lib/sync/run-sync';
import type { SyncJob } from '@/lib/sync/sync-job';
import { createTestDatabase } from '@/tests/support/test-database';

let handle: DatabaseHandle;
let clock = Date.UTC(2026, 2, 1, 12);
const tick = () => new Date((clock += 1000));

/** A job whose work is given: spends `calls`, then reports or throws. */
function job(kind: string, calls: number, outcome: () => Promise<void> = async () => {}): SyncJob {
  let spent = 0;
  return {
    kind,
    callsSpent: () => spent,
    work: async () => {
      spent += calls;
      await outcome();
      return { itemsSeen: calls * 2, itemsChanged: calls, errors: [] };
    },
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  await runSync(db, job('github.pull_requests', 3), tick);
  await runSync(db, job('neon.branches', 1), tick);
  await runSync(db, job('github.pull_requests', 1), tick);
  await runSync(
    db,
    job('neon.branches', 2, async () => {
      throw new Error('neon listBranches failed: 503');
    }),
    tick,
  );
});
afterAll(() => handle?.close());

describe('sync status', () => {
  it('gives the newest run of each kind, with counts, calls and errors', async () => {
    const latest = await latestSyncRunPerKind(handle.db);
    expect(latest.map((run) => [run.kind, run.status, run.apiCalls])).toEqual([
      ['github.pull_requests', 'succeeded', 1],
      ['neon.branches', 'failed', 2],
    ]);
    expect(latest[0]).toMatchObject({ itemsSeen: 2, itemsChanged: 1, errorCount: 0 });
    expect(latest[1]).toMatchObject({ errorCount: 1, errors: ['neon listBranches failed: 503'] });
    expect(latest[0]!.durationMs).toBe(1000);
  });

  it('lists recent runs newest first, of every kind or of one', async () => {
    const all = await recentSyncRuns(handle.db);
    expect(all.map((run) => run.kind)).toEqual([
      'neon.branches',
      'github.pull_requests',
      'neon.branches',
      'github.pull_requests',
    ]);
    const pulls = await recentSyncRuns(handle.db, { kind: 'github.pull_requests', limit: 1 });
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ apiCalls: 1, itemsChanged: 1 });
  });
});
