import { storageStateFor } from './support/auth';
import { expect, test } from './support/fixtures';
import { UptimePage } from './support/pages/uptime-page';

const SHOTS = process.env.E2E_SHOTS_DIR;

test('each incident names the production deployment suspected of it', async ({ page }) => {
  const uptime = new UptimePage(page);
  await uptime.goto();
  // The demo's bad release 17 days ago broke production five minutes after it went live.
  const production = uptime.incidents.filter({ hasText: 'Production' });
  await expect(production.first()).toBeVisible();
  await expect(production.getByTestId('incident-cause').first()).toContainText(
    /Suspected: [0-9a-f]{7}/,
  );
  if (SHOTS)
    await page.getByTestId('incidents-table').screenshot({ path: `${SHOTS}/incidents.png` });
  // Viewers never get the rollback, on any incident.
  await expect(page.getByRole('button', { name: /^Roll back to / })).toHaveCount(0);
});

test("production's timeline and deployment history name the suspected deployment", async ({
  page,
}) => {
  await page.goto('/environments/production?range=30d');
  await expect(page.getByTestId('suspected-incident').first()).toContainText(
    /^Suspected cause of the Production incident of /,
  );
  const timeline = page.locator('section', {
    has: page.getByRole('heading', { name: /^What happened/ }),
  });
  await timeline.getByRole('button', { name: 'table' }).click();
  await expect(timeline.getByText(/Suspected: [0-9a-f]{7}/).first()).toBeVisible();
});

test.describe('as a release manager', () => {
  test.use({ storageState: storageStateFor('release_manager') });

  test('no rollback is offered on incidents that are over', async ({ page }) => {
    const uptime = new UptimePage(page);
    await uptime.goto();
    await expect(uptime.incidents.first()).toContainText('Resolved');
    await expect(page.getByRole('button', { name: /^Roll back to / })).toHaveCount(0);
  });
});
