import { expect, test } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';
import { RunbookPage } from './support/pages/runbook-page';

const SHOTS = process.env.E2E_SCREENSHOTS;

test.describe('a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('reads a runbook rendered from docs/runbooks', async ({ page }) => {
    const runbook = new RunbookPage(page);
    await runbook.goto('incident');
    await expect(runbook.title).toHaveText('Incident');
    await expect(
      runbook.article.getByRole('heading', { name: 'Postmortem template' }),
    ).toBeVisible();
    await expect(runbook.article.getByRole('table').first()).toContainText('release_manager');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/runbook-incident.png`, fullPage: true });

    // A link to a sibling runbook goes to its page.
    await runbook.article.getByRole('link', { name: 'roll back' }).first().click();
    await expect(page).toHaveURL(/\/runbooks\/rollback$/);
    await expect(runbook.title).toHaveText('Roll production back');
    await expect(runbook.list.getByRole('link', { name: 'Roll production back' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('gets a 404 for a runbook that does not exist', async ({ page }) => {
    const response = await page.goto('/runbooks/no-such-runbook');
    expect(response?.status()).toBe(404);
  });
});

test.describe('a release manager', () => {
  test.use({ storageState: storageStateFor('release_manager') });

  test('finds the rollback runbook in the rollback dialog', async ({ page }) => {
    const ops = new OperationsPanel(page);
    await page.goto('/environments/production');
    const dialog = await ops.open('Roll back…');
    const link = dialog.getByTestId('runbook-link-rollback');
    await expect(link).toHaveText('Roll production back runbook');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/rollback-dialog-runbook.png` });
    await link.click();
    await expect(page).toHaveURL(/\/runbooks\/rollback$/);
    await expect(new RunbookPage(page).title).toHaveText('Roll production back');
  });

  test('finds the cost overrun runbook on the budget card and the incident runbook on incidents', async ({
    page,
  }) => {
    await page.goto('/costs');
    await expect(
      page.getByTestId('cost-summary').getByTestId('runbook-link-cost-overrun'),
    ).toBeVisible();
    if (SHOTS)
      await page.getByTestId('cost-summary').screenshot({ path: `${SHOTS}/budget-runbook.png` });
    await page.goto('/uptime');
    const incidents = page.getByTestId('incidents-table').locator('tbody tr');
    await expect(incidents.first().getByTestId('runbook-link-incident')).toBeVisible();
    if (SHOTS)
      await page
        .getByTestId('incidents-table')
        .screenshot({ path: `${SHOTS}/incidents-runbook.png` });
  });
});
