import { apiList } from './support/api';
import { expect, test as base } from './support/fixtures';
import { OverviewPage } from './support/pages/overview-page';

const test = base.extend<{ overview: OverviewPage }>({
  overview: async ({ page }, use) => {
    await use(new OverviewPage(page));
  },
});

interface EnvironmentRow {
  slug: string;
  current: { commitSha: string; commitMessage: string; commitAuthor: string } | null;
}

test('shows what production and staging serve, from the database', async ({
  overview,
  request,
}) => {
  // Other specs promote and roll back in parallel: the page and the API are compared as read at
  // one moment, read again together if production moved between the two.
  await expect(async () => {
    const [production] = await apiList<EnvironmentRow>(
      request,
      '/api/v1/environments?kind=production',
    );
    const [staging] = await apiList<EnvironmentRow>(request, '/api/v1/environments?kind=staging');
    await overview.goto();
    for (const [card, environment] of [
      [overview.production, production],
      [overview.staging, staging],
    ] as const) {
      const current = environment!.current!;
      await expect(card).toContainText(current.commitSha.slice(0, 7), { timeout: 5_000 });
      await expect(card).toContainText(current.commitAuthor, { timeout: 5_000 });
      await expect(card.getByText('Checks')).toBeVisible();
    }
  }).toPass({ timeout: 45_000 });
  await expect(overview.stagingAhead).toHaveText(
    /Staging is \d+ commits? ahead of production|In sync|never deployed to staging/,
  );
});

test('shows cost against the budget, uptime per environment, previews and tests', async ({
  overview,
}) => {
  await overview.goto();
  await expect(overview.cost.getByTestId('cost-mtd')).toHaveText(/^\$\d[\d,]*\.\d\d$/);
  await expect(overview.cost).toContainText('Forecast');
  await expect(overview.cost.getByRole('img')).toHaveAttribute('aria-label', /of the budget spent/);
  await expect(
    overview.uptime
      .getByRole('row', { name: /Production/ })
      .getByRole('cell')
      .first(),
  ).toHaveText(/^\d{1,3}\.\d\d\s%$/);
  await expect(overview.previews.getByText('Open', { exact: true })).toBeVisible();
  await expect(overview.previews.locator('li').first()).toContainText(/#\d+/);
  await expect(overview.tests).toContainText('Flakiest in 14 days');
});

test('each widget links into its page', async ({ overview }) => {
  await overview.goto();
  for (const [widget, path] of [
    [overview.cost, '/costs'],
    [overview.uptime, '/uptime'],
    [overview.previews, '/previews'],
    [overview.tests, '/tests'],
    [overview.production, '/environments/production'],
  ] as const) {
    await expect(overview.titleLink(widget)).toHaveAttribute('href', path);
  }
  await overview.titleLink(overview.previews).click();
  await expect(overview.page).toHaveURL(/\/previews$/);
  await expect(overview.page.getByRole('heading', { level: 1 })).toHaveText('Previews');
});
