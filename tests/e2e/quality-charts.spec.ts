import type { Page } from '@playwright/test';
import { formatValue } from '@/components/charts/chart-values';
import { periodLabel } from '@/components/charts/period-label';
import type { CiMetrics } from '@/lib/domain/ci-metrics';
import type { TestMetrics } from '@/lib/domain/test-metrics';
import { expect, test as base } from './support/fixtures';
import { collectPageErrors } from './support/pages/chart-cards';
import { CiPage } from './support/pages/ci-page';
import { TestsPage } from './support/pages/tests-page';

/**
 * The CI and test charts draw the demo's data, their tables show the metrics API's numbers as
 * the tooltips format them, and the range in the URL changes the series. Expected figures come
 * from the API, never from the demo's generator.
 */
const test = base.extend<{ ci: CiPage; tests: TestsPage; errors: string[] }>({
  ci: async ({ page }, use) => use(new CiPage(page)),
  tests: async ({ page }, use) => use(new TestsPage(page)),
  errors: async ({ page }, use) => {
    const errors = collectPageErrors(page);
    await use(errors);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

async function metrics<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return ((await response.json()) as { data: T }).data;
}

/** The rows the CI duration table must hold: each period, then p50 and p95 per workflow. */
function durationRows(data: CiMetrics): string[][] {
  return data.periods.map((period) => [
    periodLabel(period, data.grain),
    ...data.workflows.flatMap((workflow) => {
      const point = workflow.points.find((candidate) => candidate.period === period);
      return [
        formatValue('duration', point?.durationP50Ms ?? null),
        formatValue('duration', point?.durationP95Ms ?? null),
      ];
    }),
  ]);
}

test.describe('CI page', () => {
  test('draws every chart from the demo history', async ({ ci, errors }) => {
    await ci.goto();
    for (const chart of ci.charts) await chart.expectDrawn();
    const data = await metrics<CiMetrics>(ci.page, '/api/v1/metrics/ci?range=30d');
    expect(data.workflows.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('the duration table shows the API’s numbers, 7 rows at 7d and 30 at 30d', async ({
    ci,
    errors,
  }) => {
    for (const range of ['7d', '30d'] as const) {
      await ci.goto(`?range=${range}`);
      await ci.duration.expectDrawn();
      const data = await metrics<CiMetrics>(ci.page, `/api/v1/metrics/ci?range=${range}`);
      const rows = await ci.duration.tableRows();
      expect(rows).toHaveLength(range === '7d' ? 7 : 30);
      expect(rows).toEqual(durationRows(data));
    }
    expect(errors).toEqual([]);
  });

  test('by week, and 12 months always by week', async ({ ci, errors }) => {
    await ci.goto('?range=90d');
    await ci.grain.getByRole('link', { name: 'By week' }).click();
    await expect(ci.page).toHaveURL(/by=week/);
    await expect(ci.grain.getByRole('link', { name: 'By week' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await ci.duration.expectDrawn();
    const weekly = await metrics<CiMetrics>(ci.page, '/api/v1/metrics/ci?range=90d&grain=week');
    expect(await ci.duration.tableRows()).toEqual(durationRows(weekly));

    await ci.goto('?range=12m');
    await expect(ci.grain).toHaveCount(0);
    const year = await metrics<CiMetrics>(ci.page, '/api/v1/metrics/ci?range=12m');
    expect(year.grain).toBe('week');
    expect(await ci.runs.tableRows()).toHaveLength(year.periods.length);
    expect(errors).toEqual([]);
  });

  test('success rate bars are red exactly on the periods under 90 %', async ({ ci, errors }) => {
    await ci.goto();
    await ci.success.expectDrawn();
    const data = await metrics<CiMetrics>(ci.page, '/api/v1/metrics/ci?range=30d');
    const rates = data.workflows.flatMap((workflow) =>
      workflow.points.map((point) => point.successRate),
    );
    const low = rates.filter((rate) => rate !== null && rate > 0 && rate < 0.9).length;
    const zero = rates.filter((rate) => rate === 0).length;
    const red = await ci.success.card.locator('.recharts-rectangle[fill="#dc2626"]').count();
    // A 0 % bar has no height to draw.
    expect(red).toBeGreaterThanOrEqual(low);
    expect(red).toBeLessThanOrEqual(low + zero);
    expect(errors).toEqual([]);
  });

  test('lists the slowest runs with links to GitHub', async ({ ci, errors }) => {
    await ci.goto();
    const data = await metrics<CiMetrics>(ci.page, '/api/v1/metrics/ci?range=30d');
    const rows = ci.slowest.locator('tbody tr');
    await expect(rows).toHaveCount(data.slowest.length);
    const first = data.slowest[0]!;
    await expect(rows.first()).toContainText(formatValue('duration', first.durationMs));
    if (first.htmlUrl) {
      await expect(rows.first().getByRole('link')).toHaveAttribute('href', first.htmlUrl);
    }
    expect(errors).toEqual([]);
  });
});

test.describe('Tests page trends', () => {
  test('draws pass rate, flaky tests, coverage and test count', async ({ tests, errors }) => {
    await tests.goto();
    for (const chart of [
      tests.passRateChart,
      tests.flakyChart,
      tests.coverageChart,
      tests.countChart,
    ]) {
      await chart.expectDrawn();
    }
    await expect(tests.coverageChart.card).toContainText('Target 80 %');
    // The runs list is still there, under the trends.
    await expect(tests.runRows.first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the flaky and pass-rate tables show the API’s numbers for the range', async ({
    tests,
    errors,
  }) => {
    for (const range of ['7d', '30d'] as const) {
      await tests.goto(`/tests?range=${range}`);
      const data = await metrics<TestMetrics>(tests.page, `/api/v1/metrics/tests?range=${range}`);
      const cell = (
        suite: TestMetrics['suites'][number],
        period: string,
        pick: (point: TestMetrics['suites'][number]['points'][number]) => string,
        absent: string,
      ) => {
        const point = suite.points.find((candidate) => candidate.period === period);
        return point ? pick(point) : absent;
      };
      await tests.flakyChart.expectDrawn();
      const flaky = await tests.flakyChart.tableRows();
      expect(flaky).toHaveLength(range === '7d' ? 7 : 30);
      expect(flaky).toEqual(
        data.periods.map((period) => [
          periodLabel(period, data.grain),
          ...data.suites.map((suite) =>
            cell(suite, period, (point) => formatValue('count', point.flakyTests), '0'),
          ),
        ]),
      );
      const passRate = await tests.passRateChart.tableRows();
      expect(passRate).toEqual(
        data.periods.map((period) => [
          periodLabel(period, data.grain),
          ...data.suites.map((suite) =>
            cell(
              suite,
              period,
              (point) =>
                formatValue('percent', point.passRate === null ? null : point.passRate * 100),
              '—',
            ),
          ),
        ]),
      );
    }
    expect(errors).toEqual([]);
  });
});
