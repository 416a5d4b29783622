import { expect, test as base } from './support/fixtures';
import { storageStateFor } from './support/auth';
import { AlertRulesPage } from './support/pages/alert-rules-page';

const test = base.extend<{ rules: AlertRulesPage }>({
  rules: async ({ page }, use) => {
    await use(new AlertRulesPage(page));
  },
});

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('edits a threshold: a bad value is refused and kept, a good one is saved', async ({
    rules,
    page,
  }) => {
    await rules.goto();
    await expect(rules.heading).toBeVisible();
    const down = rules.rule('Environment down');
    const failedChecks = down.getByLabel('Consecutive failed checks');
    await expect(failedChecks).toHaveValue('3');

    await failedChecks.fill('0');
    await rules.saveButton('Environment down').click();
    await expect(down.getByText('Consecutive failed checks must be at least 1.')).toBeVisible();
    await expect(failedChecks).toHaveValue('0');
    await expect(failedChecks).toHaveAttribute('aria-invalid', 'true');

    await failedChecks.fill('5');
    await down.getByLabel('Resend while firing every').fill('30');
    await rules.saveButton('Environment down').click();
    await expect(down.getByTestId('rule-environment_down-result')).toHaveText('Saved.');
    await page.screenshot({ path: test.info().outputPath('alert-rules.png'), fullPage: true });

    await page.reload();
    await expect(
      rules.rule('Environment down').getByLabel('Consecutive failed checks'),
    ).toHaveValue('5');
    await expect(
      rules.rule('Environment down').getByLabel('Resend while firing every'),
    ).toHaveValue('30');
  });
});

test.describe('as a release manager', () => {
  test.use({ storageState: storageStateFor('release_manager') });

  test('is turned away from the rules page, like the rest of Alerts', async ({ page }) => {
    await page.goto('/alerts/rules');
    await expect(page).toHaveURL(/\/forbidden\?role=admin/);
  });
});

test.describe('as a viewer', () => {
  test('is turned away from the rules page', async ({ page }) => {
    await page.goto('/alerts/rules');
    await expect(page).toHaveURL(/\/forbidden\?role=admin/);
  });
});
