import type { Locator, Page } from '@playwright/test';

/** The deployments list: filters, table, pager. */
export class DeploymentsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly filters: Locator;
  readonly pager: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('deployments-table');
    this.rows = this.table.locator('tbody tr');
    this.filters = page.getByRole('search', { name: 'Filter deployments' });
    this.pager = page.getByRole('navigation', { name: 'Pagination' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/deployments${query}`);
  }

  async filter(label: string, option: string): Promise<void> {
    await this.filters.getByLabel(label).selectOption({ label: option });
    await this.filters.getByRole('button', { name: 'Apply' }).click();
  }

  /** The state word of each row, in order. */
  async states(): Promise<string[]> {
    return this.rows.locator('[data-status]').allTextContents();
  }
}
