import { expect, test } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { OperationsPanel, signedInContext } from './support/pages/operations-panel';
import { demoPersonWith } from './support/auth';
import { demoTeam } from '@/lib/demo/team';

test.use({ storageState: storageStateFor('release_manager') });
// Promote first, then roll back what it promoted.
test.describe.configure({ mode: 'serial' });

const SHOTS = process.env.E2E_SCREENSHOTS;

/**
 * A release manager requests a promotion; a second release manager approves it on the overview.
 */
test('a promotion requested by one release manager runs once a second approves it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const ops = new OperationsPanel(page);
  const requester = demoPersonWith('release_manager');
  const approver = demoTeam().find(
    (member) => member.role === 'release_manager' && member.githubLogin !== requester.login,
  )!;

  // Production already serves what staging serves in the demo: that promotion is not offered.
  await page.goto('/environments/staging');
  const promoteServed = page.getByRole('button', { name: 'Promote to production…' });
  await expect(promoteServed).toHaveAttribute('aria-disabled', 'true');
  await expect(promoteServed).toHaveAccessibleDescription(/production already serves commit/);

  // An earlier green staging build is another release: that one may be promoted.
  await page.goto('/deployments?environment=staging&state=ready');
  const dialog = await ops.open('Promote');
  await expect(dialog.getByTestId('change-summary')).toContainText('From');
  await expect(dialog).toContainText('Needs approval');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/promote-dialog.png` });
  await ops.confirm('Request promotion', 'Weekly release');
  await ops.expectToast(/Promotion of [0-9a-f]{7} .+ is waiting for approval/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/waiting-toast.png` });

  // While it waits, production is taken: the page says so once, in its banner; every Promote is
  // disabled with a short tooltip, not the sentence repeated on every row.
  await page.goto('/deployments?environment=staging&state=ready');
  const banner = page.getByTestId('operation-banner');
  await expect(banner.getByTestId('operation-banner-item')).toHaveCount(1);
  await expect(banner).toContainText(`Promotion of Production is in progress`);
  await expect(banner).toContainText(requester.login);
  // (The build production serves still says why the gate refuses it.)
  const locked = page
    .getByRole('button', { name: 'Promote', exact: true })
    .and(page.locator('[data-brief]'))
    .first();
  await expect(locked).toHaveAttribute('aria-disabled', 'true');
  await expect(locked).toHaveAccessibleDescription('Promotion in progress');
  await expect(page.getByTestId('deployments-table')).not.toContainText('Unavailable: a promotion');
  await locked.click({ force: true });
  await expect(ops.dialog).toBeHidden();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/promote-disabled.png` });

  await page.goto('/');
  const pending = page.getByTestId('pending-approval').first();
  await expect(pending).toContainText(requester.login);
  await expect(pending).toContainText('Weekly release');
  await expect(pending).toContainText('Waiting for a second release manager');
  await expect(pending.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  const second = await signedInContext(browser, baseURL!, approver.githubLogin);
  const approverPage = await second.newPage();
  const approverOps = new OperationsPanel(approverPage);
  await approverPage.goto('/');
  const waiting = approverPage.getByTestId('pending-approval').first();
  await approverOps.open('Approve', waiting);
  if (SHOTS) await approverPage.screenshot({ path: `${SHOTS}/approve-dialog.png` });
  await approverOps.confirm('Approve and promote', 'Diff reviewed, checks green');
  await approverOps.expectToast(/Promotion of [0-9a-f]{7} .+ succeeded/);
  await expect(approverPage.getByTestId('pending-approval')).toHaveCount(0);
  await second.close();

  // Production shows it at once: in its history, marked promoted just now, and serving since.
  await page.goto('/environments/production');
  await expect(page.getByTestId('now-serving')).toContainText(/Deployed\s*(just now|\d+ min)/);
  await expect(
    page.getByTestId('deployment-source').filter({ hasText: /Promoted\s*(just now|\d+ min)/ }),
  ).toHaveCount(1);
  if (SHOTS)
    await page.screenshot({ path: `${SHOTS}/production-after-promote.png`, fullPage: true });
});

/** A release manager rolls production back with a reason and sees it pinned. */
test('roll back with a reason pins production', async ({ page }) => {
  test.setTimeout(300_000);
  const ops = new OperationsPanel(page);

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
  // With the database restore: Neon keeps the data written since in a backup branch.
  await ops.dialog.getByRole('checkbox').check();
  await ops.confirm('Roll back now', 'Checkout errors after the release');
  await ops.expectToast(/Rollback of Production to [0-9a-f]{7} .+ succeeded/);
  const pinned = page.getByTestId('pinned-warning');
  await expect(pinned).toContainText('pinned after a rollback');
  await expect(pinned).toContainText('Checkout errors after the release');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/pinned.png`, fullPage: true });

  // The audit log shows the backup branch the restore made, in full, with a button to copy it.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/audit?action=rollback&outcome=succeeded');
  const fields = page
    .getByTestId('audit-table')
    .locator('tbody tr')
    .first()
    .getByTestId('audit-fields');
  await expect(fields.locator('dt')).toHaveText(['Deployment', 'Restored to', 'Backup branch']);
  const backup = fields.locator('dd').last();
  await expect(backup).toContainText(/-before-rollback-\d+/);
  await backup.getByRole('button', { name: 'Copy backup branch' }).click();
  await expect(backup.getByRole('button', { name: 'Copy backup branch' })).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/-before-rollback-\d+$/);
  expect(await backup.textContent()).toContain(copied);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-rollback.png`, fullPage: true });
});
