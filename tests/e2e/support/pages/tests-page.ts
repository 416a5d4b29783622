import type { Locator, Page } from '@playwright/test';
import { ChartCardView } from './chart-cards';

/** The tests screens: trends, runs per suite, a run's detail, the flaky ranking. */
export class TestsPage {
  readonly runs: Locator;
  readonly runRows: Locator;
  readonly suiteTabs: Locator;
  readonly filters: Locator;
  readonly flakyRows: Locator;
  readonly passRateChart: ChartCardView;
  readonly flakyChart: ChartCardView;
  readonly coverageChart: ChartCardView;
  readonly countChart: ChartCardView;

  constructor(readonly page: Page) {
    this.passRateChart = new ChartCardView(page.getByTestId('tests-pass-rate-chart'));
    this.flakyChart = new ChartCardView(page.getByTestId('tests-flaky-chart'));
    this.coverageChart = new ChartCardView(page.getByTestId('tests-coverage-chart'));
    this.countChart = new ChartCardView(page.getByTestId('tests-count-chart'));
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
