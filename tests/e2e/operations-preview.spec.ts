import { expect, test } from './support/fixtures';
import { demoPersonWith, storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';

test.use({ storageState: storageStateFor('developer') });

const SHOTS = process.env.E2E_SCREENSHOTS;

/** A developer reseeds the database of one of their previews, then deletes the preview. */
test('a developer reseeds and deletes their preview', async ({ page }) => {
  test.setTimeout(300_000);
  const ops = new OperationsPanel(page);
  const me = demoPersonWith('developer');
  await page.goto(`/previews?author=${me.login}`);
  const row = page
    .getByTestId('previews-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: 'Reseed database' }) })
    .first();
  await expect(row).toContainText(me.login);
  const slug = (await row.getByRole('link', { name: /^pr-/ }).first().textContent())!.trim();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/previews-buttons.png`, fullPage: true });

  const reseed = await ops.open('Reseed database', row);
  await expect(reseed).toContainText('is lost');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/reseed-dialog.png` });
  await ops.confirm('Reset and reseed');
  const name = `PR #${slug.replace('pr-', '')}`;
  await ops.expectToast(`Reseed of ${name} succeeded`);

  await page.goto(`/environments/${slug}`);
  const deleteDialog = await ops.open('Delete preview');
  await expect(deleteDialog).toContainText('cannot be undone');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/delete-dialog.png` });
  await ops.confirm('Delete preview');
  await ops.expectToast(`Deletion of ${name} succeeded`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Deleted');
});
