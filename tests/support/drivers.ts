import type { Driver } from '../../db/client';

/** The driver this test file runs on: set per project by vitest.config.ts (TEST_DATABASE_DRIVER). */
export function currentTestDriver(env: NodeJS.ProcessEnv = process.env): Driver {
  const driver = env.TEST_DATABASE_DRIVER || (env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  if (driver !== 'pglite' && driver !== 'postgres' && driver !== 'neon') {
    throw new Error(`TEST_DATABASE_DRIVER must be pglite, postgres or neon, not "${driver}".`);
  }
  if (driver !== 'pglite' && !env.TEST_DATABASE_URL) {
    throw new Error(
      `TEST_DATABASE_DRIVER=${driver} needs TEST_DATABASE_URL (a PostgreSQL server).`,
    );
  }
  return driver;
}

export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set.');
  return url;
}
