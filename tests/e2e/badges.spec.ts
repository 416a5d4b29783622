import { storageStateFor } from './support/auth';
import { expect, test } from './support/fixtures';

const SHOTS = process.env.E2E_SHOTS_DIR;

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('switching badges on serves them to an anonymous caller; off hides them again', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Three routes and a server action compile on first use under `next dev`.
    test.slow();
    // Playwright hands new contexts the project's storage state unless told otherwise.
    const anonymous = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    expect((await anonymous.get('/api/badges/production/status.svg')).status()).toBe(404);
    expect((await anonymous.get('/api/badges/production/uptime.json')).status()).toBe(404);

    await page.goto('/environments/production');
    const card = page.getByTestId('status-badges');
    await expect(card.getByRole('img', { name: 'uptime 30d badge' })).toBeVisible();
    await expect(card.getByText('![status](http://127.0.0.1:', { exact: false })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Copy status badge Markdown' })).toBeVisible();
    await card.getByRole('button', { name: 'Make badges public' }).click();
    await expect(card.getByRole('button', { name: 'Make badges private' })).toBeVisible();
    if (SHOTS) await card.screenshot({ path: `${SHOTS}/status-badges-card.png` });

    const svg = await anonymous.get('/api/badges/production/status.svg');
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers()['cache-control']).toBe('public, max-age=300');
    expect(await svg.text()).toMatch(/<title>status: \w+<\/title>/);
    const json = await anonymous.get('/api/badges/production/uptime.json');
    expect(await json.json()).toMatchObject({ schemaVersion: 1, label: 'uptime 30d' });

    await card.getByRole('button', { name: 'Make badges private' }).click();
    await expect(card.getByRole('button', { name: 'Make badges public' })).toBeVisible();
    expect((await anonymous.get('/api/badges/production/status.svg')).status()).toBe(404);
    await anonymous.dispose();
  });
});

test('a viewer gets no badge card', async ({ page }) => {
  await page.goto('/environments/production');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('status-badges')).toHaveCount(0);
});
