import type { Locator, Page } from '@playwright/test';

/** Webhook deliveries (admins): problem counts, filters, the list, and one delivery's page. */
export class DeliveriesPage {
  readonly filters: Locator;
  readonly rows: Locator;
  readonly failedCount: Locator;
  readonly malformedCount: Locator;
  readonly body: Locator;
  readonly outcome: Locator;
  readonly attempts: Locator;
  readonly error: Locator;
  readonly replayButton: Locator;
  readonly replayResult: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole('search', { name: 'Filter webhook deliveries' });
    this.rows = page.getByTestId('deliveries-table').locator('tbody tr');
    this.failedCount = page.getByTestId('deliveries-failed').locator('dd').first();
    this.malformedCount = page.getByTestId('deliveries-malformed').locator('dd').first();
    this.body = page.getByTestId('delivery-body');
    this.outcome = page.getByTestId('delivery-outcome');
    this.attempts = page.getByTestId('delivery-attempts');
    this.error = page.getByTestId('delivery-error');
    this.replayButton = page.getByRole('button', { name: 'Replay' });
    this.replayResult = page.getByTestId('replay-result');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/deliveries${query}`);
  }

  async filter(label: string, option: string): Promise<void> {
    await this.filters.getByLabel(label).selectOption({ label: option });
    await this.filters.getByRole('button', { name: 'Apply' }).click();
  }

  row(deliveryId: string): Locator {
    return this.rows.filter({ hasText: deliveryId });
  }

  /** Opens a delivery's page at the address its row links to. */
  async open(deliveryId: string): Promise<void> {
    const href = await this.row(deliveryId).getByRole('link').getAttribute('href');
    await this.page.goto(href!);
  }
}
