import { apiList } from './support/api';
import { expect, test as base } from './support/fixtures';
import { EnvironmentsPage } from './support/pages/environments-page';

const test = base.extend<{ environments: EnvironmentsPage }>({
  environments: async ({ page }, use) => {
    await use(new EnvironmentsPage(page));
  },
});

interface EnvironmentRow {
  slug: string;
  name: string;
  kind: string;
  status: string;
  current: { commitSha: string; commitMessage: string } | null;
  dbBranch: { name: string } | null;
}

test('lists production, staging and development first, then the active previews', async ({
  environments,
  request,
}) => {
  const expected = await apiList<EnvironmentRow>(request, '/api/v1/environments?limit=200');
  await environments.goto();
  const names = await environments.names();
  expect(names).toEqual(expected.map((row) => row.name));
  expect(names.slice(0, 3)).toEqual(['Production', 'Staging', 'Development']);
  await expect(environments.rows.first()).toContainText(
    expected[0]!.current!.commitSha.slice(0, 7),
  );
});

test('filters by kind and can include deleted environments', async ({ environments, page }) => {
  await environments.goto();
  await environments.filterByKind('Preview');
  await expect(page).toHaveURL(/kind=preview/);
  const previews = await environments.names();
  expect(previews.length).toBeGreaterThan(0);
  expect(previews.every((name) => name.startsWith('PR #'))).toBe(true);
  await expect(environments.rows.getByText('Deleted', { exact: true })).toHaveCount(0);

  await environments.includeDeleted();
  await expect(page).toHaveURL(/kind=preview/);
  await expect(page).toHaveURL(/deleted=1/);
  expect((await environments.names()).length).toBeGreaterThan(previews.length);
  await expect(environments.rows.getByText('Deleted', { exact: true }).first()).toBeVisible();
});

test('the detail page shows what production serves, its database branch and its history', async ({
  environments,
  page,
  request,
}) => {
  const [production] = await apiList<EnvironmentRow>(
    request,
    '/api/v1/environments?kind=production',
  );
  await environments.goto();
  await environments.rows.getByRole('link', { name: 'Production', exact: true }).click();
  await expect(page).toHaveURL(/\/environments\/production$/);
  await expect(page.getByTestId('now-serving')).toContainText(production!.current!.commitMessage);
  await expect(page.getByTestId('db-branch')).toContainText(production!.dbBranch!.name);
  await expect(page.getByTestId('uptime')).toContainText('30d');
  await expect(page.getByTestId('cost')).toContainText('Lifetime');
  await expect(page.getByTestId('deployments-table').locator('tbody tr')).toHaveCount(15);
  await expect(page.getByTestId('environment-timeline')).toContainText('What happened');
});

test('an unknown environment is a page that says so', async ({ page }) => {
  const response = await page.goto('/environments/no-such-environment');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Environment not found');
});
