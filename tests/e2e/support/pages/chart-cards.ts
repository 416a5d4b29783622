import { expect, type Locator, type Page } from '@playwright/test';

/** A chart card (components/charts/chart-card.tsx): its drawing, its Table view, its rows. */
export class ChartCardView {
  readonly surface: Locator;
  readonly table: Locator;

  constructor(readonly card: Locator) {
    this.surface = card.locator('svg.recharts-surface').first();
    this.table = card.getByTestId('chart-table');
  }

  /** Waits for the lazy chart to draw marks: bars (rectangles) or lines (curves). */
  async expectDrawn(): Promise<void> {
    await expect(this.surface).toBeVisible();
    await expect(
      this.card.locator('.recharts-rectangle, .recharts-line-curve').first(),
    ).toBeAttached();
  }

  /** Switches to the table and reads every row's cells as text. */
  async tableRows(): Promise<string[][]> {
    await this.card.getByRole('button', { name: 'Table' }).click();
    await expect(this.table).toBeVisible();
    const rows = await this.table.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('td').allTextContents()));
  }

  async tableHeaders(): Promise<string[]> {
    return this.table.locator('thead th').allTextContents();
  }
}

/** Errors the page logs to the console or throws, collected for a test's end. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}
