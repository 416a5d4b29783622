import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { syncRuns } from '@/db/schema';
import { neonConfigFromEnv } from '@/lib/settings/provider-settings';
import { startSync } from '@/lib/sync/run-sync';
import type { SyncJob } from '@/lib/sync/sync-job';
import { createTestDatabase } from '@/tests/support/test-database';

/**
 * The one path of the cron routes and Run now: a job that cannot be built (its provider is not
 * configured) is skipped with the setting it lacks, and one that can is run as a sync_runs row.
 */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

const jobWith = (kind: string, settings: unknown): SyncJob => ({
  kind,
  callsSpent: () => 0,
  work: async () => ({ itemsSeen: settings ? 1 : 0, itemsChanged: 0, errors: [] }),
});

describe('startSync', () => {
  it('skips a job whose provider is not configured, naming the setting, and records no run', async () => {
    const outcome = await startSync(handle.db, 'test.unconfigured', () =>
      jobWith('test.unconfigured', neonConfigFromEnv({})),
    );
    expect(outcome).toMatchObject({ kind: 'test.unconfigured', ok: false, code: 'not_configured' });
    expect(!outcome.ok && outcome.message).toContain('NEON_API_KEY');
    expect(await handle.db.select().from(syncRuns)).toEqual([]);
  });

  it('runs a job that can be built as one sync run', async () => {
    const outcome = await startSync(handle.db, 'test.configured', () =>
      jobWith('test.configured', { configured: true }),
    );
    expect(outcome).toMatchObject({ kind: 'test.configured', ok: true });
    expect(outcome.ok && outcome.run).toMatchObject({ status: 'succeeded', itemsSeen: 1 });
  });
});
