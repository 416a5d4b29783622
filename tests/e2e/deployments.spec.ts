import { apiList } from './support/api';
import { expect, test as base } from './support/fixtures';
import { DeploymentsPage } from './support/pages/deployments-page';

const test = base.extend<{ deployments: DeploymentsPage }>({
  deployments: async ({ page }, use) => {
    await use(new DeploymentsPage(page));
  },
});

interface DeploymentRow {
  id: number;
  state: string;
  commitMessage: string;
  commitSha: string;
  commitAuthor: string;
  environmentName: string;
  buildDurationMs: number | null;
}

test('lists every deployment newest first with commit, environment and author', async ({
  deployments,
  request,
}) => {
  const expected = await apiList<DeploymentRow>(request, '/api/v1/deployments');
  await deployments.goto();
  await expect(deployments.rows).toHaveCount(expected.length);
  for (const [index, row] of expected.slice(0, 5).entries()) {
    const shown = deployments.rows.nth(index);
    await expect(shown).toContainText(row.commitMessage);
    await expect(shown).toContainText(row.commitSha.slice(0, 7));
    await expect(shown).toContainText(row.environmentName);
    await expect(shown).toContainText(row.commitAuthor);
  }
  await expect(deployments.pager.getByRole('link', { name: /Older/ })).toBeVisible();
});

test('filters by state, and the filter lives in the URL', async ({
  deployments,
  page,
  request,
}) => {
  const failed = await apiList<DeploymentRow>(request, '/api/v1/deployments?state=error');
  expect(failed.length).toBeGreaterThan(0);
  await deployments.goto();
  await deployments.filter('State', 'Error');
  await expect(page).toHaveURL(/state=error/);
  await expect(deployments.rows).toHaveCount(failed.length);
  expect(new Set(await deployments.states())).toEqual(new Set(['Error']));
  await expect(deployments.rows.first()).toContainText(failed[0]!.commitMessage);
});

test('sorts the slowest builds first', async ({ deployments }) => {
  await deployments.goto('?sort=slowest');
  const builds = await deployments.rows.locator('td:nth-child(5)').allTextContents();
  expect(builds.length).toBeGreaterThan(1);
  expect(builds.every((text) => /\d/.test(text))).toBe(true);
});
