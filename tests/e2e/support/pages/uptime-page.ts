import type { Locator, Page } from '@playwright/test';

/** The uptime page: one row per environment, and the incidents below. */
export class UptimePage {
  readonly rows: Locator;
  readonly incidents: Locator;
  readonly window: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('uptime-table').locator('tbody tr');
    this.incidents = page.getByTestId('incidents-table').locator('tbody tr');
    this.window = page.getByRole('search', { name: 'Choose the incident window' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/uptime${query}`);
  }

  row(name: string): Locator {
    return this.rows.filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }),
    });
  }

  async chooseWindow(label: string): Promise<void> {
    await this.window.getByLabel('Window').selectOption({ label });
    await this.window.getByRole('button', { name: 'Apply' }).click();
  }
}
