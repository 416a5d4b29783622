import type { Locator, Page } from '@playwright/test';

/** The audit log: filters over the operations table. */
export class AuditPage {
  readonly filters: Locator;
  readonly rows: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole('search', { name: 'Filter the audit log' });
    this.rows = page.getByTestId('audit-table').locator('tbody tr');
    this.empty = page.getByTestId('empty-state');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`);
  }

  async filter(label: string, option: string): Promise<void> {
    await this.filters.getByLabel(label).selectOption({ label: option });
    await this.filters.getByRole('button', { name: 'Apply' }).click();
  }
}
