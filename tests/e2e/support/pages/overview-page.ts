import type { Locator, Page } from '@playwright/test';

/** The overview: one locator per widget, found by its test id. */
export class OverviewPage {
  readonly production: Locator;
  readonly staging: Locator;
  readonly stagingAhead: Locator;
  readonly cost: Locator;
  readonly uptime: Locator;
  readonly previews: Locator;
  readonly tests: Locator;

  constructor(readonly page: Page) {
    this.production = page.getByTestId('production');
    this.staging = page.getByTestId('staging');
    this.stagingAhead = page.getByTestId('staging-ahead');
    this.cost = page.getByTestId('cost-glance');
    this.uptime = page.getByTestId('uptime-glance');
    this.previews = page.getByTestId('preview-health');
    this.tests = page.getByTestId('test-health');
  }

  async goto(): Promise<void> {
    // Filters are plain forms, but React resets a select it hydrates: act once it has.
    await this.page.goto('/', { waitUntil: 'networkidle' });
  }

  /** The link in a widget's title that leads into its page. */
  titleLink(widget: Locator): Locator {
    return widget.getByRole('heading', { level: 2 }).getByRole('link');
  }
}
