import type { Locator, Page } from '@playwright/test';

export const UPTIME_CHARTS = [
  'availability-chart',
  'latency-chart',
  'error-budget-chart',
  'burn-rate-chart',
] as const;
export type UptimeChart = (typeof UPTIME_CHARTS)[number];

/** The uptime page's charts: one card each, with its Chart | Table switch. */
export class UptimeChartsPage {
  constructor(readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/uptime${query}`);
  }

  card(chart: UptimeChart): Locator {
    return this.page.getByTestId(chart);
  }

  surfaces(chart: UptimeChart): Locator {
    return this.card(chart).locator('svg.recharts-surface');
  }

  /** Switches the card to its table and answers the table's body rows. */
  async tableRows(chart: UptimeChart): Promise<Locator> {
    await this.card(chart).getByRole('button', { name: 'table' }).click();
    return this.card(chart).getByTestId('chart-table').locator('tbody tr');
  }
}
