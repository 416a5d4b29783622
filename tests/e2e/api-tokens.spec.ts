import { randomBytes } from 'node:crypto';
import { request as playwrightRequest } from '@playwright/test';
import { storageStateFor } from './support/auth';
import { expect, test as base } from './support/fixtures';
import { TokensPage } from './support/pages/tokens-page';

const test = base.extend<{ tokens: TokensPage }>({
  tokens: async ({ page }, use) => {
    await use(new TokensPage(page));
  },
});

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('creates a token, reads deployments with it, revokes it, and the next call gets 401', async ({
    tokens,
    shell,
    baseURL,
  }) => {
    const name = `e2e-${randomBytes(3).toString('hex')}`;
    await shell.goto('/');
    await expect(shell.navLink('API tokens')).toHaveAttribute('href', '/tokens');
    await tokens.goto();
    await expect(tokens.heading).toBeVisible();
    await tokens.name.fill(name);
    await expect(tokens.scope('read')).toBeChecked();
    await tokens.expiry.selectOption('30');
    await tokens.createButton.click();
    await expect(tokens.newToken).toHaveText(/^envb_api_[\w-]{43}$/);
    const token = (await tokens.newToken.textContent())!;
    await expect(tokens.row(name)).toContainText('active', { ignoreCase: true });
    await tokens.page.screenshot({ path: test.info().outputPath('tokens.png'), fullPage: true });

    // A script with the token and no session, as curl would call it.
    const api = await playwrightRequest.newContext({ baseURL });
    const call = () =>
      api.get('/api/v1/deployments?limit=5', { headers: { authorization: `Bearer ${token}` } });
    const read = await call();
    expect(read.status()).toBe(200);
    expect(Array.isArray((await read.json()).data)).toBe(true);

    await tokens.revoke(name);
    await expect(tokens.row(name)).toContainText('Revoked');
    await expect(tokens.row(name).getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    const refused = await call();
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe('invalid_token');
    await api.dispose();
  });
});

test.describe('as a viewer', () => {
  test('sees no API tokens in the nav and is turned away by URL', async ({ tokens, shell }) => {
    await shell.goto('/');
    await expect(shell.navLink('Overview')).toBeVisible();
    await expect(shell.navLink('API tokens')).toHaveCount(0);
    await tokens.goto();
    await expect(tokens.page).toHaveURL(/\/forbidden\?role=admin/);
    await expect(tokens.createButton).toHaveCount(0);
  });
});

test("a viewer's forged Create token is refused by the server action", async ({
  browser,
  baseURL,
}) => {
  // An admin's real request, stopped before it leaves the browser...
  const admin = await browser.newContext({ baseURL, storageState: storageStateFor('admin') });
  const page = await admin.newPage();
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await page.route('**/tokens', async (route) => {
    const sent = route.request();
    if (sent.method() !== 'POST' || !sent.headers()['next-action']) return route.continue();
    captured = { url: sent.url(), headers: sent.headers(), body: sent.postData() ?? '' };
    await route.abort();
  });
  const tokens = new TokensPage(page);
  await tokens.goto();
  await tokens.name.fill('forged');
  await tokens.createButton.click();
  await expect.poll(() => captured).toBeDefined();
  await admin.close();

  // ...replayed with a viewer's session: the action itself refuses it.
  const viewer = await browser.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const replay = await viewer.request.post(captured!.url, {
    headers: {
      'next-action': captured!.headers['next-action']!,
      'content-type': captured!.headers['content-type']!,
      accept: 'text/x-component',
    },
    data: captured!.body,
  });
  const answer = await replay.text();
  expect(answer).toContain('"forbidden"');
  expect(answer).not.toContain('envb_api_');
  await viewer.close();
});
