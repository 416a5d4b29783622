import { expect, test as base } from './support/fixtures';
import { AuditPage } from './support/pages/audit-page';

const test = base.extend<{ audit: AuditPage }>({
  audit: async ({ page }, use) => {
    await use(new AuditPage(page));
  },
});

test("a fresh board shows the demo's history, not an empty log", async ({ audit }) => {
  await audit.goto();
  await expect(audit.empty).toHaveCount(0);
  await expect(audit.rows).not.toHaveCount(0);
  await audit.goto('?action=delete');
  await expect(audit.rows.first()).toContainText(/Pull request #\d+ (merged|closed)/);
  await audit.goto('?action=rollback');
  await expect(audit.rows.first()).toContainText('503s on production');
});

test('an approval is an entry of its own: filtering by the approver finds it', async ({
  audit,
}) => {
  await audit.goto('?actor=sofia-reyes&action=approve');
  await expect(audit.rows).not.toHaveCount(0);
  const first = audit.rows.first();
  await expect(first).toContainText('Approve');
  await expect(first).toContainText('promotion to Production');
  await expect(first).toContainText('Sofia Reyes');
  await expect(first.getByTestId('audit-fields')).toContainText('Deployment');
});

test('"From → to" shows each detail as a labelled field, in full', async ({ audit }) => {
  await audit.goto('?action=promote');
  const fields = audit.rows.first().getByTestId('audit-fields');
  await expect(fields.locator('dt')).toHaveText(['Deployment', 'Commit', 'URL']);
  // A deployment is named by its commit and title, never by a row id.
  await expect(fields.locator('dd').first()).toContainText(
    /^[0-9a-f]{7} \S.*→\s*(to)?\s*[0-9a-f]{7} \S/,
  );
  // Nothing is cut off: no ellipsis, and no value wider than its box.
  const clipped = await audit.page
    .getByTestId('audit-fields')
    .locator('dd')
    .evaluateAll((cells) =>
      cells
        .filter(
          (cell) => cell.scrollWidth > cell.clientWidth + 1 || /…$/.test(cell.textContent ?? ''),
        )
        .map((cell) => cell.textContent),
    );
  expect(clipped).toEqual([]);
});

test('filters by action in the URL', async ({ audit, page }) => {
  await audit.goto();
  await expect(audit.filters.getByLabel('Actor').locator('option')).not.toHaveCount(1);
  await audit.filter('Action', 'Reject');
  await expect(page).toHaveURL(/action=reject/);
  await expect(audit.filters.getByLabel('Action')).toHaveValue('reject');
  await expect(audit.empty).toContainText('No operations match these filters');
});
