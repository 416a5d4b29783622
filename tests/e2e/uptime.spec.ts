import { apiList } from './support/api';
import { expect, test as base } from './support/fixtures';
import { UptimePage } from './support/pages/uptime-page';

const test = base.extend<{ uptime: UptimePage }>({
  uptime: async ({ page }, use) => {
    await use(new UptimePage(page));
  },
});

test('gives every active environment its uptime, SLO verdict and latency', async ({
  uptime,
  request,
}) => {
  const environments = await apiList<{ name: string }>(request, '/api/v1/environments?limit=200');
  await uptime.goto();
  await expect(uptime.rows).toHaveCount(environments.length);
  const production = uptime.row('Production');
  await expect(production).toContainText(/\d+\.\d{2}\s%/);
  await expect(production).toContainText(/(Meeting|Below) SLO, 30 days/);
  await expect(production).toContainText(/\d+\sms/);
});

test('lists incidents, and the window narrows them', async ({ uptime, page }) => {
  await uptime.goto();
  const monthCount = await uptime.incidents.count();
  expect(monthCount).toBeGreaterThan(0);
  await expect(uptime.incidents.first()).toContainText(/Resolved|Ongoing/);
  await uptime.chooseWindow('Last 7 days');
  await expect(page).toHaveURL(/days=7/);
  expect(await uptime.incidents.count()).toBeLessThanOrEqual(monthCount);
});
