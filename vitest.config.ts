import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Integration tests run once per database driver: the same files make up one
 * `integration-<driver>` project per driver — PGlite always, plus the real PostgreSQL
 * (node-postgres) and the Neon serverless driver (through a local WebSocket relay to that same
 * server) when TEST_DATABASE_URL names one, as .ci/run does. Each project sets
 * TEST_DATABASE_DRIVER for its workers (a test reads it with currentTestDriver()) and runs the
 * global setup that migrates the run's template; createTestDatabase() in
 * tests/support/test-database.ts hands each file its own copy. One driver:
 * `vitest run --project integration-postgres`; all of them: `npm run test:integration`.
 */
const drivers = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres', 'neon'] : ['pglite'];

/**
 * Provider clients against the sandbox emulators need no database: they run once, in their own
 * project, rather than once per driver.
 */
const SANDBOX_TESTS = 'tests/integration/sandbox/**/*.test.ts';

const integration = drivers.map((driver) => ({
  extends: true as const,
  test: {
    name: `integration-${driver}`,
    include: ['tests/integration/**/*.test.ts'],
    exclude: [...configDefaults.exclude, SANDBOX_TESTS],
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
      '@/': root,
      // db/queries/* start with `import 'server-only'`, which throws outside a React server build.
      'server-only': `${root}tests/support/empty-module.ts`,
    },
  },
  test: {
    environment: 'node',
    // Vitest's default (cores − 1) runs one file at a time on a two-core runner, while much of an
    // integration file's time is spent waiting on PostgreSQL in another process: two workers
    // there took the suite from 986 s to 735 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      ...integration,
      { extends: true, test: { name: 'integration-sandbox', include: [SANDBOX_TESTS] } },
      // Each provider client's requests and the sandbox's answers, checked against the
      // provider's own API description (GitHub's and Neon's OpenAPI, Vercel's SDK models).
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts'],
          // Loading GitHub's 13 MB description and compiling its largest schemas (a pull
          // request's) is the slow part, and slower on a busy runner.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
