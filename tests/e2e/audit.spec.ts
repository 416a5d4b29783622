import { expect, test as base } from './support/fixtures';
import { AuditPage } from './support/pages/audit-page';

const test = base.extend<{ audit: AuditPage }>({
  audit: async ({ page }, use) => {
    await use(new AuditPage(page));
  },
});

test('explains what will appear before any operation has run', async ({ audit }) => {
  await audit.goto();
  await expect(audit.empty).toContainText('No operations yet');
  await expect(audit.empty).toContainText(/promotes .* rolls production back/);
});

test('filters by action in the URL', async ({ audit, page }) => {
  await audit.goto();
  await expect(audit.filters.getByLabel('Actor').locator('option')).not.toHaveCount(1);
  await audit.filter('Action', 'Promote');
  await expect(page).toHaveURL(/action=promote/);
  await expect(audit.filters.getByLabel('Action')).toHaveValue('promote');
  await expect(audit.empty).toContainText('No operations match these filters');
});
