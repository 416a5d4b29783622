import type { Locator, Page } from '@playwright/test';

/** Alerts: the channels (masked, with Send test) and the add-channel form; and the history. */
export class AlertsPage {
  readonly channels: Locator;
  readonly addForm: Locator;
  readonly addResult: Locator;
  readonly sinkLink: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.channels = page.getByTestId('alert-channels');
    this.addForm = page.getByRole('form', { name: 'Add a channel' });
    this.addResult = page.getByTestId('add-channel-result');
    this.sinkLink = page.getByTestId('chat-sink').getByRole('link', { name: 'its listing' });
    this.history = page.getByTestId('alert-history');
  }

  async goto(path: '/alerts' | '/alerts/history' = '/alerts'): Promise<void> {
    await this.page.goto(path);
  }

  async addChannel(kind: string, name: string, url: string): Promise<void> {
    await this.addForm.getByLabel('Kind').selectOption(kind);
    await this.addForm.getByLabel('Name').fill(name);
    await this.addForm.getByLabel('Webhook URL').fill(url);
    await this.addForm.getByRole('button', { name: 'Add channel' }).click();
  }

  row(name: string): Locator {
    return this.channels.locator('tbody tr').filter({ hasText: name });
  }

  sendTest(name: string): Locator {
    return this.page.getByRole('button', { name: `Send test to ${name}` });
  }
}
