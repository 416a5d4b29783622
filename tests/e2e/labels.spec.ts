import { expect, test as base } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { DeliveriesPage } from './support/pages/deliveries-page';
import { SyncPage } from './support/pages/sync-page';
import { sendGitHubWebhook } from './support/webhooks';

const test = base.extend<{ deliveries: DeliveriesPage; sync: SyncPage }>({
  deliveries: async ({ page }, use) => {
    await use(new DeliveriesPage(page));
  },
  sync: async ({ page }, use) => {
    await use(new SyncPage(page));
  },
});

test.describe('every label is true', () => {
  test('the SLO verdict names its window and no shorter window contradicts it', async ({
    page,
  }) => {
    await page.goto('/uptime');
    const table = page.getByTestId('uptime-table');
    const production = table.locator('tbody tr').filter({ hasText: 'Production' });
    await expect(production.getByTestId('slo-verdict')).toHaveText(
      /^(Meeting|Below) SLO, 30 days$/,
    );
    await expect(table).not.toContainText(/below SLO/);
    await expect(page.getByTestId('availability-chart')).toContainText(/SLO, 30 days/);

    await page.goto('/environments/production');
    const uptime = page.getByTestId('uptime');
    await expect(uptime.getByTestId('slo-verdict')).toHaveText(/^(Meeting|Below) SLO, 30 days$/);
    await expect(uptime).not.toContainText(/Below [\d.]+% SLO/);
  });

  test('the costs page names only providers with lines, in words with units', async ({ page }) => {
    await page.goto('/costs');
    // The demo has Vercel, Neon and monitoring lines, and no GitHub Actions ones.
    await expect(page.getByText(/spend against the monthly budget, in USD\./)).toHaveText(
      'Vercel, Neon and monitoring spend against the monthly budget, in USD.',
    );
    const byProvider = page.getByTestId('cost-by-provider');
    await expect(byProvider).toContainText('Build minutes');
    await expect(byProvider).toContainText('Compute hours');
    await expect(byProvider).toContainText(/[\d.]+\sCU-hours/);
    await expect(byProvider).not.toContainText(/[a-z]+_[a-z]+/);
  });

  test('a DB branch’s size is the one Neon reports', async ({ page }) => {
    await page.goto('/environments/production');
    const size = page
      .getByTestId('db-branch')
      .locator('dt', { hasText: /^Size$/ })
      .locator('xpath=following-sibling::dd[1]');
    // The demo's production database is a little over 2 GB; the sandbox once said 4.0 KB.
    await expect(size).toHaveText(/^[\d.]+\sGB$/);
  });

  test('window choices are in natural order', async ({ page }) => {
    await page.goto('/tests/flaky');
    const options = page.getByLabel('Window').locator('option');
    await expect(options).toHaveText([
      'Last 7 days',
      'Last 14 days',
      'Last 30 days',
      'Last 90 days',
    ]);
    await page.goto('/uptime');
    await expect(page.getByLabel('Window').locator('option')).toHaveText([
      'Last 7 days',
      'Last 30 days',
    ]);
  });
});

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('a delivery ignored on purpose reads Ignored, neutral, with its reason', async ({
    deliveries,
    request,
  }) => {
    const ping = await sendGitHubWebhook(
      request,
      'ping',
      '{"zen":"Keep it logically awesome.","hook_id":1}',
    );
    expect(ping.status).toBe(202);
    await deliveries.goto('?status=ignored');
    const row = deliveries.row(ping.deliveryId);
    await expect(row.locator('[data-status="ignored"]')).toHaveText('Ignored');
    await expect(row.locator('[data-status="ignored"]')).toHaveClass(/badge-neutral/);
    const reason = row.getByText('GitHub checking the webhook');
    await expect(reason).toBeVisible();
    await expect(reason).toHaveAttribute('data-tone', 'neutral');
    await expect(row.locator('.text-red-700')).toHaveCount(0);

    await deliveries.open(ping.deliveryId);
    await expect(deliveries.error).toContainText('Reason');
    await expect(deliveries.error.locator('.text-red-700')).toHaveCount(0);
  });

  test('a sync that never ran reads Not run yet, not Stale', async ({ sync }) => {
    await sync.goto();
    await expect(sync.kind('operations.recover')).toContainText('Not run yet');
    await expect(sync.kind('operations.recover')).not.toContainText('Stale');
  });

  test('running the uptime probes keeps the demo in the demo: every environment stays up', async ({
    sync,
    page,
  }) => {
    await sync.goto();
    await sync.runNow('uptime.probes');
    await expect(sync.runResult('uptime.probes')).toContainText(/^Ran: \d+ seen/);

    await page.goto('/uptime');
    const lastChecks = page.getByTestId('uptime-table').locator('tbody tr [data-status]');
    await expect(page.getByTestId('uptime-table').locator('[data-status="up"]')).not.toHaveCount(0);
    await expect(page.getByTestId('uptime-table').locator('[data-status="down"]')).toHaveCount(0);
    expect(await lastChecks.count()).toBeGreaterThan(0);
    await page.screenshot({ path: test.info().outputPath('uptime-after-run.png'), fullPage: true });
  });
});
