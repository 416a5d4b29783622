import type { Locator, Page } from '@playwright/test';

/** Setup: the doctor's checks, live, for admins. */
export class SetupPage {
  readonly checks: Locator;
  readonly summary: Locator;
  readonly runAgain: Locator;

  constructor(readonly page: Page) {
    this.checks = page.getByTestId('setup-check');
    this.summary = page.getByTestId('setup-summary');
    this.runAgain = page.getByRole('link', { name: 'Run again' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/setup');
  }

  check(name: string): Locator {
    return this.checks.filter({ hasText: name });
  }
}
