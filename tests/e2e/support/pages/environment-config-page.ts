import type { Locator, Page } from '@playwright/test';

/** An environment's page: its Overview and Config tabs. */
export class EnvironmentConfigPage {
  readonly configTab: Locator;
  readonly driftNotice: Locator;
  readonly missing: Locator;
  readonly onlyOne: Locator;
  readonly variables: Locator;
  readonly drift: Locator;

  constructor(readonly page: Page) {
    this.configTab = page.getByRole('navigation', { name: 'Environment' }).getByRole('link', {
      name: 'Config',
    });
    this.driftNotice = page.getByTestId('config-drift-notice');
    this.missing = page.getByTestId('config-missing');
    this.onlyOne = page.getByTestId('config-only-one');
    this.variables = page.getByTestId('config-variables');
    this.drift = page.getByTestId('config-drift');
  }

  async goto(slug: string, tab?: 'config'): Promise<void> {
    await this.page.goto(`/environments/${slug}${tab ? `?tab=${tab}` : ''}`);
  }
}
