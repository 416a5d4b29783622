import type { Locator, Page } from '@playwright/test';

/** Cleanup: the sweep's dry run, with a reason per candidate, and the admin's delete button. */
export class CleanupPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly refusal: Locator;
  readonly deleteButton: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('cleanup-candidates-table');
    this.rows = this.table.locator('tbody tr');
    this.empty = page.getByTestId('empty-state');
    this.refusal = page.getByTestId('cleanup-refusal');
    this.deleteButton = page.getByRole('button', { name: 'Delete listed orphans now' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/cleanup');
  }

  /** The Reason cell of each listed candidate. */
  reasons(): Locator {
    return this.rows.locator('td:nth-child(2)');
  }
}
