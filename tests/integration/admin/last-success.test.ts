import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { lastSuccessPerKind } from '@/db/queries/sync-status';
import { runSync, type SyncJob } from '@/lib/sync/run-sync';
import { at } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

let handle: DatabaseHandle;

const job = (kind: string, fails = false): SyncJob => ({
  kind,
  callsSpent: () => 0,
  work: async () => {
    if (fails) throw new Error('GitHub answered 502 Bad Gateway');
    return { itemsSeen: 0, itemsChanged: 0, errors: [] };
  },
});

beforeAll(async () => {
  handle = await createTestDatabase();
  await runSync(handle.db, job('github.pull_requests'), () => at(0));
  await runSync(handle.db, job('github.pull_requests'), () => at(10));
  await runSync(handle.db, job('github.pull_requests', true), () => at(20));
  await runSync(handle.db, job('neon.branches', true), () => at(5));
});
afterAll(() => handle?.close());

describe('lastSuccessPerKind', () => {
  it('gives when each kind last succeeded, past later failures; kinds that never did are absent', async () => {
    const success = await lastSuccessPerKind(handle.db);
    expect(success.get('github.pull_requests')).toEqual(at(10));
    expect(success.has('neon.branches')).toBe(false);
  });
});
