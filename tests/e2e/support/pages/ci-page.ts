import type { Locator, Page } from '@playwright/test';
import { ChartCardView } from './chart-cards';

/** The CI page: duration, queue time, success rate and runs charts, the slowest runs. */
export class CiPage {
  readonly duration: ChartCardView;
  readonly queue: ChartCardView;
  readonly success: ChartCardView;
  readonly runs: ChartCardView;
  readonly slowest: Locator;
  readonly grain: Locator;

  constructor(readonly page: Page) {
    this.duration = new ChartCardView(page.getByTestId('ci-duration-chart'));
    this.queue = new ChartCardView(page.getByTestId('ci-queue-chart'));
    this.success = new ChartCardView(page.getByTestId('ci-success-chart'));
    this.runs = new ChartCardView(page.getByTestId('ci-runs-chart'));
    this.slowest = page.getByTestId('ci-slowest-runs');
    this.grain = page.getByRole('navigation', { name: 'Grain' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/ci${query}`);
  }

  get charts(): ChartCardView[] {
    return [this.duration, this.queue, this.success, this.runs];
  }
}
