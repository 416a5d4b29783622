import { expect, test as base } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { CleanupPage } from './support/pages/cleanup-page';

const test = base.extend<{ cleanup: CleanupPage }>({
  cleanup: async ({ page }, use) => {
    await use(new CleanupPage(page));
  },
});

/** Every reason the sweep gives (lib/domain/cleanup.ts): a row without one would be a bug. */
const REASON =
  /^(pull request #\d+ (closed|merged)|pull request gone|idle since \S+|envboard created it for .+|preview build of .+)$/;

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('lists what the sweep would delete, each with its reason', async ({ cleanup, shell }) => {
    await shell.goto('/');
    await expect(shell.navLink('Cleanup')).toHaveAttribute('href', '/cleanup');
    await cleanup.goto();
    await expect(cleanup.page.getByRole('heading', { level: 1, name: 'Cleanup' })).toBeVisible();
    await expect(cleanup.table.or(cleanup.empty)).toBeVisible();
    for (const reason of await cleanup.reasons().all()) {
      await expect(reason).toHaveText(REASON);
    }
    await cleanup.page.screenshot({
      path: test.info().outputPath('cleanup.png'),
      fullPage: true,
    });
  });
});

test("a developer's forged Delete listed orphans now is refused by the server", async ({
  browser,
  baseURL,
}) => {
  // An admin's real request, stopped before it leaves the browser...
  const admin = await browser.newContext({ baseURL, storageState: storageStateFor('admin') });
  const page = await admin.newPage();
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await page.route('**/cleanup', async (route) => {
    const sent = route.request();
    if (sent.method() !== 'POST' || !sent.headers()['next-action']) return route.continue();
    captured = { url: sent.url(), headers: sent.headers(), body: sent.postData() ?? '' };
    await route.abort();
  });
  const cleanup = new CleanupPage(page);
  await cleanup.goto();
  await cleanup.deleteButton.click();
  await expect.poll(() => captured).toBeDefined();
  await admin.close();

  // ...replayed with a developer's session: the action itself refuses, and nothing is deleted.
  const developer = await browser.newContext({
    baseURL,
    storageState: storageStateFor('developer'),
  });
  const replay = await developer.request.post(captured!.url, {
    headers: {
      'next-action': captured!.headers['next-action']!,
      'content-type': captured!.headers['content-type']!,
      accept: 'text/x-component',
    },
    data: captured!.body,
  });
  expect(await replay.text()).toContain('"forbidden"');
  await developer.close();
});

for (const role of ['viewer', 'developer', 'release_manager'] as const) {
  test.describe(`as a ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test('sees no Cleanup in the nav and is turned away by URL', async ({ cleanup, shell }) => {
      await shell.goto('/');
      await expect(shell.navLink('Overview')).toBeVisible();
      await expect(shell.navLink('Cleanup')).toHaveCount(0);
      await cleanup.goto();
      await expect(cleanup.page).toHaveURL(/\/forbidden\?role=admin/);
      await expect(cleanup.deleteButton).toHaveCount(0);
    });
  });
}
