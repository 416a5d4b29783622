import { SIGNED_OUT, storageStateFor } from './support/auth';
import { expect, test as base } from './support/fixtures';
import { DeploymentsPage } from './support/pages/deployments-page';

const test = base.extend<{ deployments: DeploymentsPage }>({
  deployments: async ({ page }, use) => {
    await use(new DeploymentsPage(page));
  },
});

test.describe('a filter value the page cannot apply', () => {
  test('an unknown state is named, and the State control shows what is applied', async ({
    deployments,
    page,
  }) => {
    await deployments.goto('?state=nonsense');
    await expect(page.getByTestId('filter-notice')).toHaveText(
      "Unknown state 'nonsense': showing all.",
    );
    await expect(deployments.filters.getByLabel('State')).toHaveValue('');
    await expect(deployments.rows.first()).toBeVisible();
  });

  test('an environment that does not exist is named and not applied: the list is not empty under "All"', async ({
    deployments,
    page,
  }) => {
    await deployments.goto('?environment=nope&target=production');
    await expect(page.getByTestId('filter-notice')).toHaveText(
      "Unknown environment 'nope': showing all.",
    );
    await expect(deployments.filters.getByLabel('Environment')).toHaveValue('');
    // The valid filter beside it still applies, and its control says so.
    await expect(deployments.filters.getByLabel('Target')).toHaveValue('production');
    await expect(deployments.rows.first()).toBeVisible();
  });

  test('a URL that parses shows no notice', async ({ deployments, page }) => {
    await deployments.goto('?state=ready');
    await expect(deployments.rows.first()).toBeVisible();
    await expect(page.getByTestId('filter-notice')).toHaveCount(0);
  });

  test('the previews tab and the audit actor are named the same way', async ({ page }) => {
    await page.goto('/previews?tab=merged-ish');
    await expect(page.getByTestId('filter-notice')).toHaveText(
      "Unknown tab 'merged-ish': showing open pull requests.",
    );
    await page.goto('/audit?actor=nobody-here&outcome=exploded');
    await expect(page.getByTestId('filter-notice')).toContainText(
      "Unknown outcome 'exploded': showing all.",
    );
    await expect(page.getByTestId('filter-notice')).toContainText(
      "Unknown actor 'nobody-here': showing anyone.",
    );
    const filters = page.getByRole('search', { name: 'Filter the audit log' });
    await expect(filters.getByLabel('Actor')).toHaveValue('');
  });

  test('an uptime environment that does not exist is named with the one shown instead', async ({
    page,
  }) => {
    await page.goto('/uptime?environment=nope');
    await expect(page.getByTestId('filter-notice')).toHaveText(
      /^Unknown environment 'nope': showing \S.*\.$/,
    );
  });

  test('after Clear the controls read "All" again, without a full page load', async ({
    deployments,
  }) => {
    await deployments.goto('?state=error');
    await expect(deployments.filters.getByLabel('State')).toHaveValue('error');
    await deployments.filters.getByRole('link', { name: 'Clear' }).click();
    await expect(deployments.page).toHaveURL(/\/deployments$/);
    await expect(deployments.filters.getByLabel('State')).toHaveValue('');
  });
});

test.describe('an id no row can have', () => {
  for (const id of ['99999999999999', '0x1', '1e0', 'abc']) {
    test(`/tests/runs/${id} is a page that does not exist`, async ({ page }) => {
      const response = await page.goto(`/tests/runs/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    });
  }

  test('a path that is not valid percent-encoding is a page that does not exist', async ({
    page,
  }) => {
    const response = await page.goto('/tests/runs/%E0%A4%A');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    // A slug too: the environment page answers "not found" for that text.
    expect((await page.goto('/environments/%ZZ'))?.status()).toBe(404);
  });

  test.describe('as an admin', () => {
    test.use({ storageState: storageStateFor('admin') });

    test('a webhook delivery id of another spelling is not found', async ({ page }) => {
      expect((await page.goto('/deliveries/0x1'))?.status()).toBe(404);
      expect((await page.goto('/deliveries/2147483648'))?.status()).toBe(404);
    });
  });

  for (const id of ['99999999999999', '0x1', 'abc', '%ZZ']) {
    test(`GET /api/v1/operations/${id} is a JSON 404`, async ({ request }) => {
      const response = await request.get(`/api/v1/operations/${id}`);
      expect(response.status()).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    });
  }
});

test.describe('an API path no route answers', () => {
  for (const path of ['/api/v1/nope', '/api/v1/deployments/12', '/api/v1/operations/1/steps']) {
    test(`GET ${path} is a JSON 404, not the HTML page`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toContain('application/json');
      expect((await response.json()).error).toMatchObject({ code: 'not_found' });
    });
  }

  test('without a session it is a 401, as every API path is', async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
    const response = await anonymous.get('/api/v1/nope');
    expect(response.status()).toBe(401);
    await anonymous.dispose();
  });
});
