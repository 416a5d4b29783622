import { expect, type Locator, type Page } from '@playwright/test';

/** The Costs page's charts: one card per question, each with its Chart/Table switch. */
export class CostCharts {
  readonly monthSpend: Locator;
  readonly dailySpend: Locator;
  readonly monthlyTotals: Locator;
  readonly topEnvironments: Locator;
  readonly topPullRequests: Locator;
  readonly costLines: Locator;

  constructor(readonly page: Page) {
    this.monthSpend = page.getByTestId('chart-month-spend');
    this.dailySpend = page.getByTestId('chart-daily-spend');
    this.monthlyTotals = page.getByTestId('chart-monthly-totals');
    this.topEnvironments = page.getByTestId('chart-top-environments');
    this.topPullRequests = page.getByTestId('chart-top-pull-requests');
    this.costLines = page.getByTestId('cost-lines');
  }

  get all(): Locator[] {
    return [
      this.monthSpend,
      this.dailySpend,
      this.monthlyTotals,
      this.topEnvironments,
      this.topPullRequests,
    ];
  }

  /** Opens the page and waits for the lazily loaded chart code to draw the daily chart. */
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/costs${query}`);
    await expect(this.surface(this.dailySpend)).toBeVisible({ timeout: 90_000 });
  }

  /** The chart's own drawing, not a legend icon's. */
  surface(card: Locator): Locator {
    return card.locator('.recharts-wrapper > svg.recharts-surface');
  }

  async showTable(card: Locator): Promise<Locator> {
    await card.getByRole('button', { name: 'Table' }).click();
    return card.getByTestId('chart-table');
  }

  /** One column of a card's table, by its header. */
  async column(card: Locator, header: string): Promise<string[]> {
    const table = await this.showTable(card);
    const headers = await table.locator('thead th').allTextContents();
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`no "${header}" column in ${headers.join(', ')}`);
    return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
  }
}
