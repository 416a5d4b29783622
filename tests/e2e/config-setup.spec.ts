import { storageStateFor } from './support/auth';
import { expect, test as base } from './support/fixtures';
import { EnvironmentConfigPage } from './support/pages/environment-config-page';
import { SetupPage } from './support/pages/setup-page';
import { DEMO_ENV_VARS } from '@/sandbox/demo/vercel';

const test = base.extend<{ config: EnvironmentConfigPage; setup: SetupPage }>({
  config: async ({ page }, use) => {
    await use(new EnvironmentConfigPage(page));
  },
  setup: async ({ page }, use) => {
    await use(new SetupPage(page));
  },
});

test.describe('config drift, as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('staging’s Overview flags the planted drift and its Config tab names it', async ({
    config,
    page,
  }) => {
    await config.goto('staging');
    await expect(config.driftNotice).toContainText('staging lacks 2 variables');
    const link = config.driftNotice.getByRole('link', { name: 'See the Config tab' });
    await expect(link).toHaveAttribute('href', '/environments/staging?tab=config');
    await config.goto('staging', 'config');
    await expect(config.configTab).toHaveAttribute('aria-current', 'page');
    await expect(config.missing).toContainText('SENTRY_DSN');
    await expect(config.missing).toContainText('STRIPE_LIVE_SECRET_KEY');
    await expect(config.onlyOne).toContainText('STRIPE_LIVE_SECRET_KEY');
    await expect(config.onlyOne).toContainText('only in production');
    await expect(config.variables).toContainText('DATABASE_URL');
    await expect(config.variables).not.toContainText('SENTRY_DSN');
    await page.screenshot({ path: test.info().outputPath('config.png'), fullPage: true });
  });

  test('the board’s Overview flags the drift and links to each Config tab', async ({
    shell,
    page,
  }) => {
    await shell.goto('/');
    const drift = page.getByTestId('overview-config-drift');
    await expect(drift).toContainText(/staging lacks .*SENTRY_DSN/);
    await expect(drift).toContainText('STRIPE_LIVE_SECRET_KEY is set for production only');
    await expect(drift.getByRole('link', { name: 'Config' }).first()).toHaveAttribute(
      'href',
      '/environments/staging?tab=config',
    );
  });

  test('no variable’s value reaches the page or the JSON', async ({ config, page, request }) => {
    await config.goto('production', 'config');
    await expect(config.variables).toContainText('STRIPE_LIVE_SECRET_KEY');
    const html = await page.content();
    const json = await (await request.get('/api/v1/environments/production/config')).text();
    expect(JSON.parse(json).data.variables.length).toBe(DEMO_ENV_VARS.length);
    for (const variable of DEMO_ENV_VARS) {
      expect(html).not.toContain(variable.value);
      expect(json).not.toContain(variable.value);
    }
    expect(json).not.toContain('"value"');
  });

  test('is turned away from Setup', async ({ setup, shell }) => {
    await shell.goto('/');
    await expect(shell.navLink('Setup')).toHaveCount(0);
    await setup.goto();
    await expect(setup.page).toHaveURL(/\/forbidden\?role=admin/);
    await expect(setup.checks).toHaveCount(0);
  });
});

test.describe('setup, as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('lists every check with its outcome and runs them again', async ({ setup, shell }) => {
    await shell.goto('/');
    await expect(shell.navLink('Setup')).toHaveAttribute('href', '/setup');
    await setup.goto();
    await expect(setup.checks).toHaveCount(11);
    await expect(setup.check('Database reachable')).toHaveAttribute('data-ok', 'true');
    await expect(setup.check('Vercel token')).toHaveAttribute('data-ok', 'true');
    await setup.runAgain.click();
    await expect(setup.checks).toHaveCount(11);
    await setup.page.screenshot({ path: test.info().outputPath('setup.png'), fullPage: true });
  });
});
