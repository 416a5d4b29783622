import type { Page } from '@playwright/test';
import type { CostSeries } from '@/lib/domain/cost-series';
import { usd } from '@/lib/format';
import { expect, test as base } from './support/fixtures';
import { CostCharts } from './support/pages/cost-charts';

/** Console errors and uncaught exceptions of the page: none may appear. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

const test = base.extend<{ charts: CostCharts; errors: string[] }>({
  charts: async ({ page }, use) => {
    await use(new CostCharts(page));
  },
  errors: [
    async ({ page }, use) => {
      const errors = watchErrors(page);
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** What the charts draw, from the metrics API: expected figures are never hardcoded. */
async function metrics(page: Page, range: string): Promise<CostSeries> {
  const response = await page.request.get(`/api/v1/metrics/costs?range=${range}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: CostSeries }).data;
}

test('every cost chart draws with data', async ({ charts }) => {
  await charts.goto();
  for (const card of charts.all) {
    await expect(charts.surface(card)).toBeVisible();
  }
  await expect(charts.monthSpend.locator('.recharts-area-area')).toHaveCount(1);
  await expect(charts.monthSpend.locator('.recharts-reference-line')).toHaveCount(2);
  for (const card of [charts.dailySpend, charts.monthlyTotals, charts.topEnvironments]) {
    expect(await card.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  }
  await expect(charts.monthSpend).toContainText(/— \$[\d,.]+ of \$[\d,]+/);
});

test('the daily table shows the numbers the API answers, and the range changes the series', async ({
  charts,
  page,
}) => {
  const month = await metrics(page, '30d');
  await charts.goto();
  const totals = await charts.column(charts.dailySpend, 'Total');
  expect(totals).toEqual(month.periods.map((row) => usd(row.totalUsd)));
  expect(totals).toHaveLength(30);
  // The month's table ends on the month's forecast.
  const forecast = await charts.column(charts.monthSpend, 'Forecast');
  expect(forecast.at(-1)).toBe(usd(month.month.forecastUsd));

  await charts.dailySpend.getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/range=7d/);
  const week = await metrics(page, '7d');
  await expect
    .poll(async () => charts.column(charts.dailySpend, 'Total'))
    .toEqual(week.periods.map((row) => usd(row.totalUsd)));
  expect(week.periods).toHaveLength(7);
});

test('anomalous days are marked, with the reason in the table', async ({ charts, page }) => {
  const quarter = await metrics(page, '90d');
  await charts.goto('?range=90d');
  await expect(charts.surface(charts.dailySpend)).toBeVisible();
  await expect(charts.dailySpend.locator('.recharts-reference-dot')).toHaveCount(
    quarter.anomalies.length,
  );
  const reasons = (await charts.column(charts.dailySpend, 'Anomaly')).filter(Boolean);
  expect(reasons).toHaveLength(quarter.anomalies.length);
  for (const [index, anomaly] of quarter.anomalies.entries()) {
    expect(reasons[index]).toContain(`${usd(anomaly.totalUsd)} — `);
    expect(reasons[index]).toContain(`the 7-day median ${usd(anomaly.medianUsd)}`);
  }
});

test('a click on a day lists that day’s cost lines', async ({ charts, page }) => {
  const week = await metrics(page, '7d');
  await charts.goto('?range=7d');
  const bars = charts.dailySpend.locator('.recharts-bar-rectangle');
  await expect(bars.first()).toBeVisible();
  // The middle of the week: a whole day, never today's partial bar.
  const index = 3;
  await charts.dailySpend.scrollIntoViewIfNeeded();
  const bar = (await charts.dailySpend
    .locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')
    .nth(index)
    .boundingBox())!;
  // Hover first, as a person does: the chart knows the day under the pointer.
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height - 2);
  await expect(charts.dailySpend.locator('.recharts-tooltip-wrapper')).toContainText('Total');
  await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height - 2);
  const day = week.periods[index]!;
  await expect(page).toHaveURL(new RegExp(`day=${day.period}`));
  await expect(charts.costLines).toBeVisible();
  await expect(charts.costLines.getByRole('heading')).toContainText(usd(day.totalUsd));
  await charts.costLines.getByRole('link', { name: 'Close' }).click();
  await expect(charts.costLines).toHaveCount(0);
});

test('the costliest environment opens its page', async ({ charts, page }) => {
  const month = await metrics(page, '30d');
  const top = month.topEnvironments[0]!;
  await charts.goto();
  const names = await charts.column(charts.topEnvironments, 'Name');
  expect(names[0]).toBe(top.name);
  await charts.topEnvironments.getByRole('button', { name: 'Chart' }).click();
  await charts.topEnvironments.locator(`a[href="/environments/${top.slug}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/environments/${top.slug}$`));
});
