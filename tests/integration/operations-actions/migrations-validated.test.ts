import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { markMigrationsValidated, upsertDbBranch } from '@/db/writes';
import { createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

/** The promotion gate reads migrations_validated_at; a branch synced in from Neon has none. */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

it('records that migrations were validated on a branch, and a later Neon sync keeps it', async () => {
  const project = await createProject(handle.db);
  const at = new Date('2026-01-05T10:00:00Z');
  const synced = {
    projectId: project.id,
    neonBranchId: 'br-staging-1',
    name: 'staging',
    state: 'ready' as const,
    providerCreatedAt: new Date('2026-01-01T00:00:00Z'),
    providerUpdatedAt: new Date('2026-01-02T00:00:00Z'),
  };
  await upsertDbBranch(handle.db, synced);
  await markMigrationsValidated(handle.db, 'br-staging-1', at);
  await markMigrationsValidated(handle.db, 'br-unknown', at);
  const read = () =>
    handle.db.query.dbBranches.findFirst({
      where: (b, { eq }) => eq(b.neonBranchId, 'br-staging-1'),
    });
  expect((await read())!.migrationsValidatedAt).toEqual(at);

  // The next Neon sync brings the branch again, newer, without a word about migrations.
  await upsertDbBranch(handle.db, {
    ...synced,
    logicalSizeBytes: 4096,
    providerUpdatedAt: new Date('2026-01-06T00:00:00Z'),
  });
  expect((await read())!.logicalSizeBytes).toBe(4096);
  expect((await read())!.migrationsValidatedAt).toEqual(at);
});
