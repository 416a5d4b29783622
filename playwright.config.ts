import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { storageStateFor } from './tests/e2e/support/auth';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/chromium';

const ci = Boolean(process.env.CI);
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const useBuild = process.env.E2E_USE_BUILD === '1';

/** Without a browser, stop with the one sentence that says how to get one, not a stack trace. */
function chromiumOrExit(): string {
  try {
    return findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export default defineConfig({
  testDir: 'tests/e2e',
  // Outside the project: `next dev` watches it, and traces written there make it reload pages
  // mid-test.
  outputDir: join(tmpdir(), 'envboard-e2e-results'),
  fullyParallel: true,
  forbidOnly: ci,
  // No retries: a flaky E2E test is a failure to fix, not to hide.
  retries: 0,
  // `next dev` compiles each page on its first visit, tens of seconds on a busy machine; a
  // build (E2E_USE_BUILD=1) still renders each page from the seeded database, which takes
  // seconds on a loaded two-core runner.
  timeout: useBuild ? 60_000 : 120_000,
  expect: { timeout: useBuild ? 15_000 : 30_000 },
  workers: ci ? 2 : undefined,
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumOrExit(), args: CHROMIUM_ARGS },
  },
  projects: [
    // Signs in one demo person per role first; the specs then run signed in as the viewer.
    { name: 'sign-in', testMatch: /auth\.setup\.ts$/ },
    {
      name: 'chromium',
      dependencies: ['sign-in'],
      testIgnore: /phone\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], storageState: storageStateFor('viewer') },
    },
    // A phone's screen (390 × 844, touch, the page's meta viewport honoured) in Chromium, the
    // one browser the suite runs: every page at that width, and the menu that holds the nav.
    {
      name: 'phone',
      dependencies: ['sign-in'],
      testMatch: /phone\.spec\.ts$/,
      use: {
        ...devices['iPhone 13'],
        browserName: 'chromium',
        storageState: storageStateFor('viewer'),
      },
    },
  ],
  webServer: {
    // A fresh, seeded PGlite per run; a production build served by `next start` (see serve.ts).
    command: 'npx tsx tests/e2e/support/serve.ts',
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: !ci,
    // SIGTERM rather than Playwright's default SIGKILL, so serve.ts removes its database folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // First start: `next build`, PGlite's initdb, migrations and the demo seed.
    timeout: 480_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
