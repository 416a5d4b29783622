import { expect, test as base } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { AlertsPage } from './support/pages/alerts-page';

const test = base.extend<{ alerts: AlertsPage }>({
  alerts: async ({ page }, use) => {
    await use(new AlertsPage(page));
  },
});

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('adds a channel pointed at the chat sink, sends a test and sees it arrive', async ({
    alerts,
    shell,
    page,
  }) => {
    await shell.goto('/');
    await expect(shell.navLink('Alerts')).toHaveAttribute('href', '/alerts');
    await alerts.goto();
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    // The demo's channel, pointed at the sink, is there already, its URL masked.
    await expect(alerts.row('Chat sink (demo)')).toContainText('/slack/…erts');

    const sink = await alerts.sinkLink.getAttribute('href');
    const name = `e2e-${Date.now()}`;
    const url = `${sink}/slack/${name}`;
    await alerts.addChannel('slack', name, url);
    await expect(alerts.addResult).toContainText(`Added “${name}”`);
    const row = alerts.row(name);
    await expect(row).toContainText('Enabled');
    // Only the mask reaches the browser, never the URL itself.
    await expect(row).not.toContainText(url);
    expect(await page.content()).not.toContain(url);

    await alerts.sendTest(name).click();
    await expect(row.getByTestId('send-test-result')).toHaveText(
      'Delivered: the channel answered 200.',
    );
    await page.screenshot({ path: test.info().outputPath('alerts.png'), fullPage: true });

    // The sink's own listing shows the message.
    await page.goto(sink!);
    await expect(page.getByRole('row').filter({ hasText: name }).first()).toContainText(
      `Test: Test message for "${name}"`,
    );

    // And the history lists it as sent, beside the demo's past alerts.
    await alerts.goto('/alerts/history');
    await expect(alerts.history.locator('tbody tr').first()).toContainText(name);
    await expect(alerts.history.locator('tbody tr').first()).toContainText('Sent');
    await expect(alerts.history).toContainText('Production is down');
    await page.screenshot({ path: test.info().outputPath('alert-history.png'), fullPage: true });
  });
});

test("a viewer's forged Add channel is refused by the server", async ({ browser, baseURL }) => {
  // An admin's real request, stopped before it leaves the browser...
  const admin = await browser.newContext({ baseURL, storageState: storageStateFor('admin') });
  const page = await admin.newPage();
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await page.route('**/alerts', async (route) => {
    const sent = route.request();
    if (sent.method() !== 'POST' || !sent.headers()['next-action']) return route.continue();
    captured = { url: sent.url(), headers: sent.headers(), body: sent.postData() ?? '' };
    await route.abort();
  });
  const alerts = new AlertsPage(page);
  await alerts.goto();
  await alerts.addChannel('slack', 'forged', 'https://hooks.slack.com/services/T0/B0/forged');
  await expect.poll(() => captured).toBeDefined();
  await admin.close();

  // ...replayed with a viewer's session: the action itself refuses, and no channel is added.
  const viewer = await browser.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const replay = await viewer.request.post(captured!.url, {
    headers: {
      'next-action': captured!.headers['next-action']!,
      'content-type': captured!.headers['content-type']!,
      accept: 'text/x-component',
    },
    data: captured!.body,
  });
  expect(await replay.text()).toContain('"forbidden"');
  await viewer.close();

  const check = await browser.newContext({ baseURL, storageState: storageStateFor('admin') });
  const checkPage = await check.newPage();
  await new AlertsPage(checkPage).goto();
  await expect(new AlertsPage(checkPage).row('forged')).toHaveCount(0);
  await check.close();
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('sees no Alerts in the nav and is turned away by URL', async ({ alerts, shell }) => {
    await shell.goto('/');
    await expect(shell.navLink('Overview')).toBeVisible();
    await expect(shell.navLink('Alerts')).toHaveCount(0);
    for (const path of ['/alerts', '/alerts/history'] as const) {
      await alerts.goto(path);
      await expect(alerts.page).toHaveURL(/\/forbidden\?role=admin/);
    }
  });
});
