import type { Locator, Page } from '@playwright/test';

/** The environments list and an environment's detail page. */
export class EnvironmentsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('environments-table');
    this.rows = this.table.locator('tbody tr');
    this.filters = page.getByRole('search', { name: 'Filter environments' });
  }

  async goto(query = ''): Promise<void> {
    // Filters are plain forms, but React resets a select it hydrates: act once it has.
    await this.page.goto(`/environments${query}`, { waitUntil: 'networkidle' });
  }

  async filterByKind(label: string): Promise<void> {
    await this.filters.getByLabel('Kind').selectOption({ label });
    await this.filters.getByRole('button', { name: 'Apply' }).click();
  }

  async includeDeleted(): Promise<void> {
    await this.filters.getByLabel('Include deleted').check();
    await this.filters.getByRole('button', { name: 'Apply' }).click();
  }

  /** The names in the first column, in order. */
  async names(): Promise<string[]> {
    return this.rows.locator(`th a[href^="/environments/"]`).allTextContents();
  }
}
