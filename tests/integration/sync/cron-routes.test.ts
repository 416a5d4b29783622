import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as github } from '@/app/api/cron/github/route';
import { GET as neon } from '@/app/api/cron/neon/route';
import { GET as vercel } from '@/app/api/cron/vercel/route';
import type { DatabaseHandle } from '@/db/client';
import { syncRuns } from '@/db/schema';
import { createTestDatabase } from '@/tests/support/test-database';
import { CRON_SECRET, cronRequest, useCronEnvironment } from './cron-env';

let handle: DatabaseHandle;
let restore: () => void;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useCronEnvironment(handle, {});
});
afterAll(async () => {
  restore?.();
  await handle?.close();
});

const routes = [
  ['/api/cron/github', github],
  ['/api/cron/vercel', vercel],
  ['/api/cron/neon', neon],
] as const;

describe.each(routes)('GET %s', (path, handler) => {
  it('is 401 without the cron secret, before any work', async () => {
    const response = await handler(cronRequest(path, null));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthorized');
    expect(await handle.db.select().from(syncRuns)).toEqual([]);
  });

  it('is 401 with a wrong secret', async () => {
    const response = await handler(cronRequest(path, `${CRON_SECRET}-wrong`));
    expect(response.status).toBe(401);
    expect(await handle.db.select().from(syncRuns)).toEqual([]);
  });

  it('is 404 with the secret but no project to sync, and records no run', async () => {
    const response = await handler(cronRequest(path));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('project_not_found');
    expect(await handle.db.select().from(syncRuns)).toEqual([]);
  });
});
