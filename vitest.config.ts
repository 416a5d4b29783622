import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testDrivers } from './tests/support/drivers';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Integration tests run once per database driver: the same files make up an
 * `integration-<driver>` project per entry of testDrivers() — PGlite always, plus the real
 * PostgreSQL and the Neon driver (through a local relay) when TEST_DATABASE_URL is set. Each
 * project sets TEST_DATABASE_DRIVER for its workers and runs the global setup that migrates the
 * run's template; tests/support/test-database.ts hands each file its own copy. Run one driver
 * with `vitest run --project integration-postgres`, all of them with `--project 'integration-*'`.
 */
const integration = testDrivers().map((driver) => ({
  extends: true as const,
  test: {
    name: `integration-${driver}`,
    include: ['tests/integration/**/*.test.ts'],
    env: { TEST_DATABASE_DRIVER: driver },
    globalSetup: ['tests/support/global-setup.ts'],
    // A file's first query waits for its database copy to load.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}));

export default defineConfig({
  resolve: {
    alias: {
      '@/': `${root}/`,
      // db/queries/* start with `import 'server-only'`, which throws outside a React server build.
      'server-only': `${root}/tests/support/empty-module.ts`,
    },
  },
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      ...integration,
    ],
  },
});
