import { apiList } from './support/api';
import { expect, test as base } from './support/fixtures';
import { PreviewsPage } from './support/pages/previews-page';

const test = base.extend<{ previews: PreviewsPage }>({
  previews: async ({ page }, use) => {
    await use(new PreviewsPage(page));
  },
});

interface PreviewRow {
  pullRequest: { number: number; title: string; author: string; htmlUrl: string | null };
  dbBranch: { name: string } | null;
}

test('lists one row per open pull request with its preview, DB branch and tests', async ({
  previews,
  request,
}) => {
  const open = await apiList<PreviewRow>(request, '/api/v1/previews?limit=200');
  await previews.goto();
  expect(await previews.numbers()).toEqual(open.map((row) => row.pullRequest.number));
  const first = open[0]!;
  const row = previews.rows.first();
  await expect(
    row.getByRole('link', { name: new RegExp(`#${first.pullRequest.number}`) }),
  ).toHaveAttribute('href', first.pullRequest.htmlUrl!);
  await expect(row).toContainText(first.pullRequest.author);
  await expect(row).toContainText(first.dbBranch!.name);
  await expect(row).toContainText(/passed/);
  await expect(row).toContainText(/Expires/);
  await expect(previews.tabs.getByRole('link', { name: /Open/ })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('filters by author', async ({ previews, page, request }) => {
  const open = await apiList<PreviewRow>(request, '/api/v1/previews?limit=200');
  const author = open.at(-1)!.pullRequest.author;
  const theirs = open.filter((row) => row.pullRequest.author === author);
  await previews.goto();
  await previews.filterByAuthor(author);
  await expect(page).toHaveURL(new RegExp(`author=${author}`));
  expect(await previews.numbers()).toEqual(theirs.map((row) => row.pullRequest.number));
});

test('closed pull requests are on their own tab, paged without losing the tab', async ({
  previews,
  page,
  request,
}) => {
  const closed = await apiList<PreviewRow>(request, '/api/v1/previews?tab=closed&limit=200');
  await previews.goto();
  await previews.tabs.getByRole('link', { name: /Closed/ }).click();
  await expect(page).toHaveURL(/tab=closed/);
  await expect(previews.rows.first()).toContainText(/Merged|Closed/);
  const firstPage = await previews.numbers();
  expect(firstPage).toEqual(closed.slice(0, firstPage.length).map((row) => row.pullRequest.number));
  if (closed.length > firstPage.length) {
    await previews.pager.getByRole('link', { name: /Older/ }).click();
    await expect(page).toHaveURL(/tab=closed/);
    await expect(page).toHaveURL(/cursor=/);
    const secondPage = await previews.numbers();
    expect(secondPage[0]).toBe(closed[firstPage.length]!.pullRequest.number);
  }
});
