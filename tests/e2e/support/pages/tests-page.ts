import type { Locator, Page } from '@playwright/test';

/** The tests screens: runs per suite, a run's detail, the flaky ranking. */
export class TestsPage {
  readonly runs: Locator;
  readonly runRows: Locator;
  readonly suiteTabs: Locator;
  readonly filters: Locator;
  readonly flakyRows: Locator;

  constructor(readonly page: Page) {
    this.runs = page.getByTestId('test-runs-table');
    this.runRows = this.runs.locator('tbody tr');
    this.suiteTabs = page.getByRole('navigation', { name: 'Suites' });
    this.filters = page.getByRole('search', { name: 'Filter test runs' });
    this.flakyRows = page.getByTestId('flaky-tests-table').locator('tbody tr');
  }

  async goto(path = '/tests'): Promise<void> {
    await this.page.goto(path);
  }

  suite(name: 'unit' | 'integration' | 'e2e'): Locator {
    return this.page.getByTestId(`suite-${name}`);
  }

  /** The "Unit run #12" links of the listed runs, in order. */
  async runTitles(): Promise<string[]> {
    return this.runRows.locator('th a').allTextContents();
  }
}
