import type { Locator, Page } from '@playwright/test';

/** Alert rules: one form per rule, and the alerts firing now. */
export class AlertRulesPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Alert rules', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/alerts/rules');
  }

  /** The form of one rule, by its title. */
  rule(title: string): Locator {
    return this.page.getByRole('form', { name: title });
  }

  saveButton(title: string): Locator {
    return this.rule(title).getByRole('button', { name: `Save ${title}` });
  }
}
