import { expect, test } from './support/fixtures';
import { demoPersonWith, storageStateFor } from './support/auth';
import { OperationsPanel, signedInContext } from './support/pages/operations-panel';
import { demoTeam } from '@/db/seed/team';

test.use({ storageState: storageStateFor('release_manager') });

const SHOTS = process.env.E2E_SCREENSHOTS;

/**
 * A release manager requests a promotion, a second release manager approves it on the overview,
 * then production is rolled back with a reason and shows it is pinned.
 */
test('promote with a second approver, then roll back with a reason', async ({
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

  await page.goto('/deployments?environment=staging&state=ready');
  const dialog = await ops.open('Promote');
  await expect(dialog).toContainText('From');
  await expect(dialog).toContainText('Needs approval');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/promote-dialog.png` });
  // The reason is required: an empty one does not submit.
  await dialog.getByRole('button', { name: 'Request promotion' }).click();
  await expect(dialog).toBeVisible();
  await ops.confirm('Request promotion', 'Weekly release');
  await ops.expectToast(/Promotion #\d+ is waiting for approval/);

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
  await approverOps.expectToast(/Promotion #\d+ succeeded/);
  await second.close();

  await page.goto('/environments/production');
  const rollback = await ops.open('Roll back…');
  await expect(rollback).toContainText('pinned');
  await expect(rollback.getByRole('checkbox')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/rollback-dialog.png` });
  await ops.confirm('Roll back now', 'Checkout errors after the release');
  await ops.expectToast(/Rollback #\d+ succeeded/);
  const pinned = page.getByTestId('pinned-warning');
  await expect(pinned).toContainText('pinned after a rollback');
  await expect(pinned).toContainText('Checkout errors after the release');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/pinned.png`, fullPage: true });
});
