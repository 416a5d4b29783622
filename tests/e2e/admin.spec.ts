import { expect, test as base } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { DeliveriesPage } from './support/pages/deliveries-page';
import { SyncPage } from './support/pages/sync-page';
import { sendGitHubWebhook, unstorablePullRequest } from './support/webhooks';

const test = base.extend<{ deliveries: DeliveriesPage; sync: SyncPage }>({
  deliveries: async ({ page }, use) => {
    await use(new DeliveriesPage(page));
  },
  sync: async ({ page }, use) => {
    await use(new SyncPage(page));
  },
});

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('sees a failed delivery, reads its payload and replays it', async ({
    deliveries,
    shell,
    request,
    page,
  }) => {
    const failed = await sendGitHubWebhook(request, 'pull_request', unstorablePullRequest());
    expect(failed.status).toBe(202);
    const malformed = await sendGitHubWebhook(request, 'pull_request', '{"action": "opened",');
    expect(malformed.status).toBe(400);

    await shell.goto('/');
    await expect(shell.navLink('Deliveries')).toHaveAttribute('href', '/deliveries');
    await deliveries.goto();
    await expect(deliveries.failedCount).not.toHaveText('0');
    await expect(deliveries.malformedCount).not.toHaveText('0');

    await deliveries.filter('Outcome', 'Failed');
    await expect(page).toHaveURL(/status=failed/);
    const row = deliveries.row(failed.deliveryId);
    await expect(row).toContainText('pull_request.opened');
    await expect(row).toContainText('Failed');
    await expect(row).toContainText('Invalid time value');

    await deliveries.open(failed.deliveryId);
    await expect(deliveries.body).toContainText('"created_at": "not a date"');
    // The retry cron may have had a go too: count from what the page shows now.
    const before = Number(await deliveries.attempts.locator('dd').textContent());
    await deliveries.replayButton.click();
    await expect(deliveries.replayResult).toContainText('Replay failed: Invalid time value');
    await expect(deliveries.attempts.locator('dd')).toHaveText(String(before + 1));
    await page.screenshot({ path: test.info().outputPath('delivery.png'), fullPage: true });
  });

  test('shows the raw body of a malformed delivery', async ({ deliveries, request }) => {
    const malformed = await sendGitHubWebhook(request, 'push', '{"ref": "refs/heads/main"');
    await deliveries.goto('?status=malformed');
    await deliveries.open(malformed.deliveryId);
    await expect(deliveries.body).toHaveText('{"ref": "refs/heads/main"');
    await expect(deliveries.error).toContainText('the body is not JSON');
  });

  test('sees each sync kind with its health and runs one now', async ({ sync, shell, page }) => {
    await shell.goto('/');
    await expect(shell.navLink('Sync status')).toHaveAttribute('href', '/sync');
    await sync.goto();
    await expect(sync.kind('github.pull_requests')).toContainText('every 10m');
    await expect(sync.kind('operations.cleanup')).toContainText('every 1d');

    await sync.runNow('webhooks.retry');
    await expect(sync.runResult('webhooks.retry')).toContainText(/^Ran: \d+ seen/);
    await expect(sync.kind('webhooks.retry')).toContainText('OK');

    // Against the server's GitHub (a sandbox, or none): either way the run is recorded and shown.
    await sync.runNow('github.pull_requests');
    await expect(sync.runResult('github.pull_requests')).toHaveText(/^(Ran: \d+ seen|Failed: )/);
    await expect(sync.kind('github.pull_requests')).toContainText(/OK|Failing/);
    await expect(sync.runs.filter({ hasText: 'github.pull_requests' })).not.toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('sync.png'), fullPage: true });
  });
});

test.describe('as a viewer', () => {
  test('sees neither page in the nav and is turned away by URL', async ({ shell, page }) => {
    await shell.goto('/');
    await expect(shell.navLink('Overview')).toBeVisible();
    await expect(shell.navLink('Deliveries')).toHaveCount(0);
    await expect(shell.navLink('Sync status')).toHaveCount(0);

    for (const path of ['/deliveries', '/sync']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden\?role=/);
      await expect(page.getByText('Your role does not allow this')).toBeVisible();
    }
  });
});

test.describe('as a release manager', () => {
  test.use({ storageState: storageStateFor('release_manager') });

  test('sees sync status without Run now, and no deliveries', async ({ sync, shell }) => {
    await shell.goto('/');
    await expect(shell.navLink('Deliveries')).toHaveCount(0);
    await expect(shell.navLink('Sync status')).toBeVisible();
    await sync.goto();
    await expect(sync.kind('github.pull_requests')).toBeVisible();
    await expect(sync.page.getByRole('button', { name: /Run .* now/ })).toHaveCount(0);
  });
});
