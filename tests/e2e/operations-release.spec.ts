import { expect, test } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';

test.use({ storageState: storageStateFor('release_manager') });

const SHOTS = process.env.E2E_SCREENSHOTS;

/**
 * A release manager sees why a staging build may not be promoted (the gate, read on the server),
 * then rolls production back with a reason and sees it pinned.
 */
test('promote is disabled with the gate reason; roll back with a reason pins production', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const ops = new OperationsPanel(page);

  await page.goto('/deployments?environment=staging&state=ready');
  const promote = page.getByRole('button', { name: 'Promote', exact: true }).first();
  await expect(promote).toBeVisible();
  if ((await promote.getAttribute('aria-disabled')) === 'true') {
    // The reason is visible text and the button's description.
    const reasonId = (await promote.getAttribute('aria-describedby'))!;
    const reason = page.locator(`[id="${reasonId}"]`);
    await expect(reason).toBeVisible();
    await expect(reason).toContainText(/^Unavailable: /);
    await expect(promote).toHaveAccessibleDescription(/Unavailable: .+/);
    await promote.click({ force: true });
    await expect(ops.dialog).toBeHidden();
  }
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/deployments-buttons.png`, fullPage: true });

  await page.goto('/environments/production');
  await expect(page.getByTestId('pinned-warning')).toHaveCount(0);
  const rollback = await ops.open('Roll back…');
  await expect(rollback.getByTestId('change-summary')).toContainText('From');
  await expect(rollback).toContainText('pinned');
  await expect(rollback.getByRole('checkbox')).not.toBeChecked();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/rollback-dialog.png` });
  // Escape closes it without doing anything.
  await page.keyboard.press('Escape');
  await expect(ops.dialog).toBeHidden();

  await ops.open('Roll back…');
  // The reason is required: without one nothing is sent.
  await ops.dialog.getByRole('button', { name: 'Roll back now' }).click();
  await expect(ops.dialog).toBeVisible();
  await ops.confirm('Roll back now', 'Checkout errors after the release');
  await ops.expectToast(/Rollback #\d+ succeeded/);
  const pinned = page.getByTestId('pinned-warning');
  await expect(pinned).toContainText('pinned after a rollback');
  await expect(pinned).toContainText('Checkout errors after the release');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/pinned.png`, fullPage: true });
});
