import type { Locator, Page } from '@playwright/test';

/** The costs page: budget summary, breakdowns, the month picker. */
export class CostsPage {
  readonly summary: Locator;
  readonly monthToDate: Locator;
  readonly byProvider: Locator;
  readonly byEnvironment: Locator;
  readonly byDay: Locator;
  readonly month: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('cost-summary');
    this.monthToDate = page.getByTestId('cost-month-to-date');
    this.byProvider = page.getByTestId('provider-totals');
    this.byEnvironment = page.getByTestId('cost-by-environment');
    this.byDay = page.getByTestId('cost-by-day');
    this.month = page.getByLabel('Month', { exact: true });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/costs${query}`);
  }

  async chooseMonth(label: string): Promise<void> {
    await this.month.selectOption({ label });
    await this.page.getByRole('button', { name: 'Show' }).click();
  }

  /** The last column of the daily table, as numbers. */
  async dailyTotals(): Promise<number[]> {
    const cells = await this.byDay.locator('tbody tr td:last-child').allTextContents();
    return cells.map(dollars);
  }
}

export function dollars(text: string): number {
  return Number(text.replace(/[^0-9.-]/g, ''));
}
