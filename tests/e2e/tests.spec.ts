import { apiList } from './support/api';
import { expect, test as base } from './support/fixtures';
import { TestsPage } from './support/pages/tests-page';

const test = base.extend<{ tests: TestsPage }>({
  tests: async ({ page }, use) => {
    await use(new TestsPage(page));
  },
});

interface TestRunRow {
  id: number;
  suite: 'unit' | 'integration' | 'e2e';
  status: 'passed' | 'failed';
  failed: number;
  flaky: number;
}

const SUITE = { unit: 'Unit', integration: 'Integration', e2e: 'E2E' } as const;

test('shows each suite on the production branch and the runs newest first', async ({
  tests,
  request,
}) => {
  const runs = await apiList<TestRunRow>(request, '/api/v1/test-runs');
  await tests.goto();
  await expect(tests.suite('unit')).toContainText('coverage');
  await expect(tests.suite('integration')).toContainText(/\d+ passed/);
  await expect(tests.suite('e2e')).toContainText(/\d+ passed/);
  expect(await tests.runTitles()).toEqual(runs.map((run) => `${SUITE[run.suite]} run #${run.id}`));
});

test('a suite tab and the status filter narrow the runs', async ({ tests, page, request }) => {
  await tests.goto();
  await tests.suiteTabs.getByRole('link', { name: 'E2E' }).click();
  await expect(page).toHaveURL(/suite=e2e/);
  const titles = await tests.runTitles();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.every((title) => title.startsWith('E2E run'))).toBe(true);

  const failed = await apiList<TestRunRow>(request, '/api/v1/test-runs?status=failed');
  await tests.goto('/tests');
  await tests.filters.getByLabel('Status').selectOption({ label: 'Failed' });
  await tests.filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/status=failed/);
  expect(await tests.runTitles()).toEqual(
    failed.map((run) => `${SUITE[run.suite]} run #${run.id}`),
  );
});

test("a failed run's page lists its failing cases with their messages", async ({
  tests,
  page,
  request,
}) => {
  const [run] = await apiList<TestRunRow>(request, '/api/v1/test-runs?status=failed&limit=1');
  await tests.goto(`/tests/runs/${run!.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`run #${run!.id}`);
  const failedCases = page.getByTestId('failed-cases').locator('li');
  await expect(failedCases).toHaveCount(run!.failed);
  await expect(failedCases.first().locator('pre')).not.toBeEmpty();
});

test('ranks flaky tests by flake rate', async ({ tests }) => {
  await tests.goto('/tests/flaky');
  await expect(tests.flakyRows.first()).toBeVisible();
  const rates = (await tests.flakyRows.locator('td:nth-child(3)').allTextContents()).map((text) =>
    Number(/([\d.]+)\s%/.exec(text)?.[1]),
  );
  expect(rates.length).toBeGreaterThan(0);
  expect(rates.every(Number.isFinite)).toBe(true);
  expect(rates).toEqual([...rates].sort((a, b) => b - a));
});
