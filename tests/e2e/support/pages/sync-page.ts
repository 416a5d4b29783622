import type { Locator, Page } from '@playwright/test';

/** Sync status: one row per sync kind with its health, and the recent runs. */
export class SyncPage {
  readonly kinds: Locator;
  readonly runs: Locator;

  constructor(readonly page: Page) {
    this.kinds = page.getByTestId('sync-kinds-table').locator('tbody tr');
    this.runs = page.getByTestId('sync-runs-table').locator('tbody tr');
  }

  async goto(): Promise<void> {
    await this.page.goto('/sync');
  }

  kind(kind: string): Locator {
    return this.kinds.filter({ hasText: kind });
  }

  async runNow(kind: string): Promise<void> {
    await this.page.getByRole('button', { name: `Run ${kind} now` }).click();
  }

  /** What Run now answered, in the kind's own row. */
  runResult(kind: string): Locator {
    return this.kind(kind).getByTestId('run-now-result');
  }
}
