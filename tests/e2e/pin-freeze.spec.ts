import { expect, test } from './support/fixtures';
import { demoPersonWith, storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';

const SHOTS = process.env.E2E_SCREENSHOTS;

// One board, one production: the freeze and the viewer's checks must not overlap.
test.describe.configure({ mode: 'serial' });

/** `datetime-local`'s value for an instant, read by the form as UTC. */
const utcLocal = (date: Date) => date.toISOString().slice(0, 16);

test.describe('as a developer', () => {
  test.use({ storageState: storageStateFor('developer') });

  test('a developer pins their preview and sees who pinned it, why and until when', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const ops = new OperationsPanel(page);
    const me = demoPersonWith('developer');
    await page.goto(`/previews?author=${me.login}`);
    const rows = page.getByTestId('previews-table').locator('tbody tr');
    const unpinned = rows
      .filter({ has: page.getByRole('button', { name: 'Pin…', exact: true }) })
      .first();
    // Held by its slug: once pinned, the row no longer matches "has a Pin… button".
    const slug = (await unpinned.getByRole('link', { name: /^pr-/ }).first().textContent())!;
    const row = rows.filter({ has: page.getByRole('link', { name: slug.trim(), exact: true }) });
    const dialog = await ops.open('Pin…', row);
    await expect(dialog).toContainText('at most 30 days');
    await dialog.getByLabel(/^Reason/).fill('client demo on Friday');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/pin-dialog.png` });
    await ops.confirm('Pin preview');
    const note = row.getByTestId('pin-note');
    await expect(note).toContainText(`Pinned by @${me.login}`);
    await expect(note).toContainText('client demo on Friday');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/pinned-preview.png`, fullPage: true });

    await ops.open('Unpin', row);
    await ops.confirm('Unpin');
    await expect(row.getByTestId('pin-note')).toHaveCount(0);
  });
});

test.describe('as a release manager', () => {
  test.use({ storageState: storageStateFor('release_manager') });

  test('a release manager freezes production: the banner shows and promote says why it is disabled', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const ops = new OperationsPanel(page);
    const me = demoPersonWith('release_manager');
    await page.goto('/environments/production');
    const dialog = await ops.open('Freeze production…');
    await dialog.getByLabel(/^Until/).fill(utcLocal(new Date(Date.now() - 3_600_000)));
    await dialog.getByLabel(/^Reason/).fill('release week');
    await dialog.getByRole('button', { name: 'Freeze' }).click();
    // Bad input is refused with a clear sentence, and what was typed stays.
    await expect(dialog.getByRole('alert')).toContainText('The freeze must end after it starts.');
    await expect(dialog.getByLabel(/^Reason/)).toHaveValue('release week');
    await dialog.getByLabel(/^Until/).fill(utcLocal(new Date(Date.now() + 86_400_000)));
    await ops.confirm('Freeze');

    const banner = page.getByTestId('freeze-banner');
    await expect(banner).toContainText(`by @${me.login}`);
    await expect(banner).toContainText('release week');
    await page.goto('/environments/staging');
    await expect(page.getByTestId('freeze-banner')).toBeVisible();
    const promote = page.getByRole('button', { name: 'Promote to production…' });
    await expect(promote).toHaveAttribute('aria-disabled', 'true');
    await expect(
      page.getByText(/^Unavailable: .*frozen until .*release week/).first(),
    ).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/frozen-staging.png`, fullPage: true });

    await page.goto('/environments/production');
    await ops.open('Clear freeze…');
    await ops.confirm('Clear freeze');
    await expect(page.getByTestId('freeze-banner')).toHaveCount(0);
  });
});

test('a viewer sees no pin or freeze controls, and a forged freeze is refused', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(300_000);
  for (const path of ['/previews', '/environments/production']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(
      page.getByRole('button', { name: /^(Pin…|Unpin|Freeze production…|Clear freeze…)$/ }),
    ).toHaveCount(0);
  }

  // A release manager's real freeze request, stopped before it leaves the browser...
  const manager = await browser.newContext({
    baseURL,
    storageState: storageStateFor('release_manager'),
  });
  const managerPage = await manager.newPage();
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await managerPage.route('**/environments/production', async (route) => {
    const sent = route.request();
    if (sent.method() !== 'POST' || !sent.headers()['next-action']) return route.continue();
    captured = { url: sent.url(), headers: sent.headers(), body: sent.postData() ?? '' };
    await route.abort();
  });
  const ops = new OperationsPanel(managerPage);
  await managerPage.goto('/environments/production');
  const dialog = await ops.open('Freeze production…');
  await dialog.getByLabel(/^Until/).fill(utcLocal(new Date(Date.now() + 86_400_000)));
  await dialog.getByLabel(/^Reason/).fill('forged');
  await dialog.getByRole('button', { name: 'Freeze' }).click();
  await expect.poll(() => captured).toBeDefined();
  await manager.close();

  // ...replayed with the viewer's session: the action itself refuses, and nothing is frozen.
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
  await page.goto('/environments/production');
  await expect(page.getByTestId('freeze-banner')).toHaveCount(0);
});
