import type { Locator, Page } from '@playwright/test';

/** A runbook page: the rendered markdown and the list of every runbook beside it. */
export class RunbookPage {
  readonly article: Locator;
  readonly title: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.article = page.getByTestId('runbook');
    this.title = this.article.getByRole('heading', { level: 1 });
    this.list = page.getByRole('navigation', { name: 'Runbooks' });
  }

  async goto(name: string): Promise<void> {
    await this.page.goto(`/runbooks/${name}`);
  }
}
