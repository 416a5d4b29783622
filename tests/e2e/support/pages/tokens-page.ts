import type { Locator, Page } from '@playwright/test';

/** API tokens: the create form, the token shown once, the list, and each row's revoke dialog. */
export class TokensPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly expiry: Locator;
  readonly createButton: Locator;
  readonly newToken: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'API tokens' });
    this.name = page.getByLabel('Name');
    this.expiry = page.getByLabel('Expires after');
    this.createButton = page.getByRole('button', { name: 'Create token' });
    this.newToken = page.getByTestId('new-token-value');
    this.table = page.getByTestId('api-tokens');
  }

  async goto(): Promise<void> {
    await this.page.goto('/tokens');
  }

  scope(scope: 'read' | 'report' | 'operate'): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${scope} `) });
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: name });
  }

  /** Opens the row's confirmation and confirms it. */
  async revoke(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: 'Revoke' }).click();
    await this.page
      .getByRole('dialog', { name: `Revoke ${name}?` })
      .getByRole('button', { name: 'Revoke token' })
      .click();
  }
}
