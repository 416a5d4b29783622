import { expect, test } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';

/** Specs run as the viewer (playwright.config.ts). */

test('a viewer sees no operation buttons anywhere', async ({ page }) => {
  const ops = new OperationsPanel(page);
  for (const path of [
    '/',
    '/environments/production',
    '/environments/staging',
    '/deployments',
    '/previews',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(ops.buttons(), path).toHaveCount(0);
  }
});

test('a forged server-action POST from a viewer is refused by the server', async ({
  browser,
  baseURL,
  request,
}) => {
  // A release manager's real rollback request, stopped before it leaves the browser...
  const manager = await browser.newContext({
    baseURL,
    storageState: storageStateFor('release_manager'),
  });
  const page = await manager.newPage();
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await page.route('**/environments/production', async (route) => {
    const sent = route.request();
    if (sent.method() !== 'POST' || !sent.headers()['next-action']) return route.continue();
    captured = { url: sent.url(), headers: sent.headers(), body: sent.postData() ?? '' };
    await route.abort();
  });
  const ops = new OperationsPanel(page);
  await page.goto('/environments/production');
  await ops.open('Roll back…');
  await ops.dialog.getByLabel(/^Reason/).fill('forged');
  await ops.dialog.getByRole('button', { name: 'Roll back now' }).click();
  await expect.poll(() => captured).toBeDefined();
  await manager.close();

  // ...replayed with the viewer's session: the action itself refuses.
  const replay = await request.post(captured!.url, {
    headers: {
      'next-action': captured!.headers['next-action']!,
      'content-type': captured!.headers['content-type']!,
      accept: 'text/x-component',
    },
    data: captured!.body,
  });
  const answer = await replay.text();
  expect(answer).toContain('"forbidden"');
  expect(answer).toContain('Release manager');
});
