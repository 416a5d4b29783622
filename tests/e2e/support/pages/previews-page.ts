import type { Locator, Page } from '@playwright/test';

/** The previews list: open and closed tabs, filters, pager. */
export class PreviewsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly filters: Locator;
  readonly tabs: Locator;
  readonly pager: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('previews-table');
    this.rows = this.table.locator('tbody tr');
    this.filters = page.getByRole('search', { name: 'Filter previews' });
    this.tabs = page.getByRole('navigation', { name: 'Pull request state' });
    this.pager = page.getByRole('navigation', { name: 'Pagination' });
  }

  async goto(query = ''): Promise<void> {
    // Filters are plain forms, but React resets a select it hydrates: act once it has.
    await this.page.goto(`/previews${query}`, { waitUntil: 'networkidle' });
  }

  async filterByAuthor(author: string): Promise<void> {
    await this.filters.getByLabel('Author').selectOption(author);
    await this.filters.getByRole('button', { name: 'Apply' }).click();
  }

  /** Pull request numbers of the rows shown, in order. */
  async numbers(): Promise<number[]> {
    const cells = await this.rows.locator('th').allTextContents();
    return cells.map((text) => Number(/#(\d+)/.exec(text)?.[1]));
  }
}
