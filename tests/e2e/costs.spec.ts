import { expect, test as base } from './support/fixtures';
import { CostsPage, dollars } from './support/pages/costs-page';

const test = base.extend<{ costs: CostsPage }>({
  costs: async ({ page }, use) => {
    await use(new CostsPage(page));
  },
});

test('shows month to date against the budget with a verdict and a forecast', async ({ costs }) => {
  await costs.goto();
  await expect(costs.summary).toContainText(/Under budget|Forecast over budget|Over budget/);
  await expect(costs.summary).toContainText('$100');
  const monthToDate = dollars((await costs.monthToDate.locator('dd').first().textContent()) ?? '');
  expect(monthToDate).toBeGreaterThan(0);
  // Every figure comes from the same samples: the days add up to the month to date.
  const days = await costs.dailyTotals();
  expect(days.length).toBeGreaterThan(0);
  expect(days.reduce((sum, day) => sum + day, 0)).toBeCloseTo(monthToDate, 0);
  await expect(costs.byProvider).toContainText('Vercel');
  await expect(costs.byProvider).toContainText('Neon');
  await expect(costs.byEnvironment).toContainText('Production');
});

test('another month is chosen in the URL and reported as final', async ({ costs, page }) => {
  await costs.goto();
  const options = await costs.month.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await costs.chooseMonth(options[1]!);
  await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
  await expect(costs.summary).toContainText('Month total');
  await expect(costs.summary).toContainText('Final');
  expect((await costs.dailyTotals()).length).toBeGreaterThan(27);
});
