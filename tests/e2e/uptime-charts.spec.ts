import type { Page } from '@playwright/test';
import { formatValue } from '@/components/charts/chart-values';
import { formatBurnRate } from '@/lib/domain/burn-rate';
import type { UptimeMetrics } from '@/lib/domain/uptime-metrics';
import { sloVerdict } from '@/lib/domain/uptime';
import { count } from '@/lib/format';
import { expect, test as base } from './support/fixtures';
import { UPTIME_CHARTS, UptimeChartsPage } from './support/pages/uptime-charts-page';

const test = base.extend<{ charts: UptimeChartsPage; errors: string[] }>({
  charts: async ({ page }, use) => {
    await use(new UptimeChartsPage(page));
  },
  // Every console error and uncaught exception of the page; each test ends with none.
  errors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

async function metrics(page: Page, query: string): Promise<UptimeMetrics> {
  const response = await page.request.get(`/api/v1/metrics/uptime${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: UptimeMetrics }).data;
}

test('draws every uptime chart of production with data', async ({ charts }) => {
  await charts.goto();
  for (const chart of UPTIME_CHARTS) {
    await expect(charts.surfaces(chart).first()).toBeVisible();
  }
  await expect(
    charts.card('availability-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  await expect(charts.card('latency-chart').locator('path.recharts-curve').first()).toBeVisible();
  await expect(
    charts.card('error-budget-chart').locator('path.recharts-curve').first(),
  ).toBeVisible();
  // One panel per alert of the SRE workbook's table, each with its factor drawn.
  await expect(charts.surfaces('burn-rate-chart')).toHaveCount(4);
  await expect(charts.card('burn-rate-chart').locator('.recharts-reference-line')).toHaveCount(4);
  await expect(charts.card('availability-chart')).toContainText(/SLO \d+(\.\d+)? %/);
});

test('the availability table shows the API’s figures, and the title its window', async ({
  charts,
  page,
}) => {
  const data = await metrics(page, '?range=30d&environment=production');
  await charts.goto('?range=30d');
  const heading = charts.card('availability-chart').getByRole('heading');
  await expect(heading).toContainText(
    `Production availability, 30 days — ${formatValue('percent', data.availability.window.pct)} · ${sloVerdict(data.errorBudget.checks - data.errorBudget.failures, data.errorBudget.checks, data.sloPct).label}`,
  );
  const rows = await charts.tableRows('availability-chart');
  await expect(rows).toHaveCount(30);
  // Closed days cannot change between the API call and the page; today may gain a check.
  for (const [index, period] of data.availability.periods.slice(0, 29).entries()) {
    await expect(rows.nth(index).locator('td').nth(1)).toHaveText(
      formatValue('percent', period.pct),
    );
    await expect(rows.nth(index).locator('td').nth(2)).toHaveText(count(period.checks));
  }
});

test('the range in the URL changes the days drawn', async ({ charts, page }) => {
  await charts.goto('?range=7d');
  await expect(await charts.tableRows('availability-chart')).toHaveCount(7);
  await charts.card('availability-chart').getByRole('link', { name: '30 days' }).click();
  await expect(page).toHaveURL(/range=30d/);
  await expect(await charts.tableRows('availability-chart')).toHaveCount(30);
});

test('latency has a 24-hour, 7-day and 30-day view', async ({ charts, page }) => {
  await charts.goto();
  await expect(await charts.tableRows('latency-chart')).toHaveCount(24);
  await charts.card('latency-chart').getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/latency=7d/);
  await expect(await charts.tableRows('latency-chart')).toHaveCount(7);
});

test('the burn-rate and budget tables match the API', async ({ charts, page }) => {
  const data = await metrics(page, '?environment=production');
  await charts.goto();
  const burn = await charts.tableRows('burn-rate-chart');
  await expect(burn).toHaveCount(4);
  await expect(burn.first()).toContainText(`page at ${formatBurnRate(14.4)}`);
  await expect(burn.nth(3)).toContainText(`ticket at ${formatBurnRate(1)}`);
  const budget = await charts.tableRows('error-budget-chart');
  await expect(budget.first().locator('td').nth(1)).toHaveText(
    formatValue('percent', data.errorBudget.points[0]!.remainingPct),
  );
});

test('another environment is chosen in the URL', async ({ charts, page }) => {
  await charts.goto();
  await page
    .getByRole('navigation', { name: 'Environment' })
    .getByRole('link', { name: 'Staging' })
    .click();
  await expect(page).toHaveURL(/environment=staging/);
  await expect(charts.card('availability-chart').getByRole('heading')).toContainText(
    'Staging availability, 30 days',
  );
  await expect(charts.surfaces('availability-chart')).toBeVisible();
});
