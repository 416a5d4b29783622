import { expect, test } from './support/fixtures';

test('every board answer carries a request id, fresh for each request', async ({ page }) => {
  const first = await page.goto('/deployments');
  const second = await page.goto('/deployments');
  const ids = [first, second].map((response) => response?.headers()['x-request-id']);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(ids[0]).not.toBe(ids[1]);
});

test('an id no row can have is a page that does not exist, not a failing page', async ({
  page,
}) => {
  // Beyond PostgreSQL's integer range: once a query failing with "out of range", now refused
  // before any query runs.
  const response = await page.goto('/tests/runs/99999999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await expect(page.getByText('This page could not load')).toHaveCount(0);
});
