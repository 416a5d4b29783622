import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { lastSuccessPerKind, latestSyncRunPerKind } from '@/db/queries/sync-status';
import { githubConfigFromEnv } from '@/lib/settings/provider-settings';
import { runSync } from '@/lib/sync/run-sync';
import type { SyncJob } from '@/lib/sync/sync-job';
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

describe('a sync whose settings are missing', () => {
  it('is recorded failed with each missing setting named on one line', async () => {
    await runSync(
      handle.db,
      {
        kind: 'github.workflow_runs',
        callsSpent: () => 0,
        work: async () => {
          githubConfigFromEnv({});
          return { itemsSeen: 0, itemsChanged: 0, errors: [] };
        },
      },
      () => at(30),
    );
    const run = (await latestSyncRunPerKind(handle.db)).find(
      (latest) => latest.kind === 'github.workflow_runs',
    );
    expect(run?.status).toBe('failed');
    expect(run?.errors).toHaveLength(1);
    expect(run?.errors[0]).toMatch(/^invalid settings: GITHUB_TOKEN: .*; GITHUB_REPOSITORY: /);
  });
});
