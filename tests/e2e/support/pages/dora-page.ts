import type { Locator, Page } from '@playwright/test';

export const DORA_KEYS = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'timeToRestore',
] as const;
export type DoraKey = (typeof DORA_KEYS)[number];

/** The DORA page: a card and a weekly trend chart per key. */
export class DoraPage {
  constructor(readonly page: Page) {}

  async goto(range?: string): Promise<void> {
    await this.page.goto(range ? `/dora?range=${range}` : '/dora', { waitUntil: 'networkidle' });
  }

  card(key: DoraKey): Locator {
    return this.page.getByTestId(`dora-card-${key}`);
  }

  trend(key: DoraKey): Locator {
    return this.page.getByTestId(`dora-trend-${key}`);
  }

  /** Switches a chart card to its table and answers the table's rows, cell texts. */
  async tableRows(card: Locator): Promise<string[][]> {
    await card.getByRole('button', { name: 'Table' }).click();
    const rows = card.getByTestId('chart-table').locator('tbody tr');
    return rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
  }
}

/** Errors the page logs to the console or throws, collected for a test's end. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
