import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { demoPersonWith, storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';
import { PreviewsPage } from './support/pages/previews-page';

test.use({ storageState: storageStateFor('developer') });

const SHOTS = process.env.E2E_SCREENSHOTS;

/** The first open pull request row whose preview offers Reseed database, by author or not. */
function liveRow(page: Page, author: { is: string } | { isNot: string }) {
  const previews = new PreviewsPage(page);
  const rows = previews.rows.filter({
    has: page.getByRole('button', { name: 'Reseed database', exact: true }),
  });
  return 'is' in author
    ? rows.filter({ hasText: author.is }).first()
    : rows.filter({ hasNotText: author.isNot }).first();
}

test('a developer may delete only the previews of their own pull requests', async ({ page }) => {
  const me = demoPersonWith('developer');
  await new PreviewsPage(page).goto();
  const others = liveRow(page, { isNot: me.login });
  const deleteOthers = others.getByRole('button', { name: 'Delete preview', exact: true });
  await expect(deleteOthers).toHaveAttribute('aria-disabled', 'true');
  await expect(deleteOthers).toHaveAttribute(
    'title',
    'Only its author, a release manager or an admin may delete it',
  );
  // The rule is the button's tooltip, not a sentence repeated on every row.
  await expect(others).not.toContainText('Unavailable');
  // Reseeding someone else's preview stays open to a developer.
  await expect(
    others.getByRole('button', { name: 'Reseed database', exact: true }),
  ).not.toHaveAttribute('aria-disabled', 'true');

  await new PreviewsPage(page).goto(`?author=${me.login}`);
  const mine = liveRow(page, { is: me.login });
  await expect(
    mine.getByRole('button', { name: 'Delete preview', exact: true }),
  ).not.toHaveAttribute('aria-disabled', 'true');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/previews-own-delete.png`, fullPage: true });
});

test('a deleted preview of an open pull request stays deleted until Provision again', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const me = demoPersonWith('developer');
  const ops = new OperationsPanel(page);
  await new PreviewsPage(page).goto(`?author=${me.login}`);
  const row = liveRow(page, { is: me.login });
  const number = /#(\d+)/.exec((await row.locator('th').textContent()) ?? '')![1]!;
  const byNumber = new PreviewsPage(page).rows.filter({ hasText: `#${number}` });

  const dialog = await ops.open('Delete preview', row);
  await expect(dialog.getByTestId('delete-afterwards')).toContainText(
    'stays deleted: envboard provisions it again only after the next push',
  );
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/delete-dialog-open-pr.png` });
  await ops.confirm('Delete preview');
  await ops.expectToast(/succeeded/);

  await new PreviewsPage(page).goto(`?author=${me.login}`);
  await expect(byNumber.getByTestId('environment-state')).toHaveText('Deleted');
  await expect(byNumber).not.toContainText('Expires');
  await expect(byNumber.getByRole('button', { name: 'Provision again' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/previews-deleted-row.png`, fullPage: true });

  await ops.open('Provision again', byNumber);
  await ops.confirm('Provision again');
  await ops.expectToast(/succeeded/);
  await new PreviewsPage(page).goto(`?author=${me.login}`);
  await expect(byNumber.getByTestId('environment-state')).not.toHaveText('Deleted');
  await expect(byNumber.getByRole('button', { name: 'Delete preview', exact: true })).toBeVisible();
});

test('Previews and Environments show the same state for every preview', async ({ page }) => {
  const numberIn = (text: string | null) => /#(\d+)/.exec(text ?? '')?.[1];
  await page.goto('/environments?kind=preview&limit=100');
  const environments = new Map<string, string>();
  for (const row of await page.getByTestId('environments-table').locator('tbody tr').all()) {
    const number = numberIn(await row.getByRole('link').first().textContent());
    const state = (await row.getByTestId('environment-state').textContent())!.trim();
    if (number) environments.set(number, state);
  }
  await page.goto('/previews?limit=100');
  const rows = new PreviewsPage(page).rows.filter({ has: page.getByTestId('environment-state') });
  let compared = 0;
  for (const row of await rows.all()) {
    const number = numberIn(await row.locator('th').textContent());
    if (!number || !environments.has(number)) continue;
    const shown = (await row.getByTestId('environment-state').textContent())!.trim();
    expect(shown, `PR #${number}`).toBe(environments.get(number));
    compared++;
  }
  expect(compared).toBeGreaterThan(5);
});
