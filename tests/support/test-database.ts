import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/client';
import { currentTestDriver, testDatabaseUrl } from './drivers';
import { routeNeonThroughRelay } from './neon-relay';
import { createDatabase, databaseUrl, dropDatabase } from './postgres-admin';

export { currentTestDriver } from './drivers';

/**
 * A migrated, empty database for one test file, on the driver of the running vitest project
 * (see vitest.config.ts). Nothing is shared between files, so files run in parallel:
 * - pglite: an in-memory PGlite loaded from the run's migrated snapshot;
 * - postgres / neon: a database of its own on TEST_DATABASE_URL's server, cloned from the run's
 *   migrated template and dropped by `close()` (the run's teardown drops any left behind).
 * Call it in `beforeAll` and `close()` the handle in `afterAll`.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const driver = currentTestDriver();
  if (driver === 'pglite') {
    const snapshot = await readFile(provided('pgliteSnapshotPath'));
    return openDatabase({ driver: 'pglite', pgliteSnapshot: new Blob([new Uint8Array(snapshot)]) });
  }
  const serverUrl = testDatabaseUrl();
  const name = `${provided('postgresPrefix')}_${randomBytes(6).toString('hex')}`;
  await createDatabase(serverUrl, name, provided('postgresTemplate'));
  if (driver === 'neon') routeNeonThroughRelay(provided('neonRelayPort'));
  const handle = openDatabase({ url: databaseUrl(serverUrl, name), driver });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

function provided<
  Key extends 'pgliteSnapshotPath' | 'postgresPrefix' | 'postgresTemplate' | 'neonRelayPort',
>(key: Key) {
  const value = inject(key);
  if (value === undefined) {
    throw new Error(
      `"${key}" was not provided: run integration tests through an integration-* project of vitest.config.ts.`,
    );
  }
  return value;
}
