import { percent } from '@/lib/format';
import { expect, test as base } from './support/fixtures';
import { collectPageErrors, DORA_KEYS, DoraPage } from './support/pages/dora-page';

const SHOTS = process.env.E2E_SCREENSHOTS;

const test = base.extend<{ dora: DoraPage; errors: string[] }>({
  dora: async ({ page }, use) => {
    await use(new DoraPage(page));
  },
  errors: [
    async ({ page }, use) => {
      const errors = collectPageErrors(page);
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

interface DoraWeek {
  week: string;
  deployments: number;
  changeFailureRate: number | null;
}

/** A chart's code arrives in its own chunk, which a development server compiles on first use. */
const CHART_LOAD = { timeout: 90_000 };

// The board's one percentage format (lib/format), so the table is checked against it.
const percentOrDash = (ratio: number | null) => (ratio === null ? '—' : percent(ratio));

test('the DORA page shows four banded cards and a weekly trend per key, as chart and table', async ({
  dora,
  page,
  request,
}) => {
  const response = await request.get('/api/v1/metrics/dora?range=30d');
  expect(response.ok()).toBe(true);
  const { data } = (await response.json()) as { data: { weeks: DoraWeek[] } };

  await dora.goto();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DORA');
  for (const key of DORA_KEYS) {
    await expect(dora.card(key).getByTestId('dora-value')).not.toBeEmpty();
    await expect(dora.card(key).locator('svg[role="img"] path')).toHaveCount(1);
  }
  // Deployments always have a chart in the demo; each drawn chart is an SVG with marks.
  const frequency = dora.trend('deploymentFrequency');
  await expect(
    frequency.locator('svg.recharts-surface .recharts-bar-rectangle').first(),
  ).toBeVisible(CHART_LOAD);
  await expect(frequency.locator('.recharts-reference-line').first()).toBeAttached();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/dora-1280.png`, fullPage: true });

  const rows = await dora.tableRows(frequency);
  expect(rows.map((cells) => cells[1])).toEqual(data.weeks.map((week) => String(week.deployments)));
  const failures = await dora.tableRows(dora.trend('changeFailureRate'));
  expect(failures.map((cells) => cells[1])).toEqual(
    data.weeks.map((week) => percentOrDash(week.changeFailureRate)),
  );
});

test('the range in the URL changes the DORA series: 12 weeks at 30 days, 53 at 12 months', async ({
  dora,
  page,
}) => {
  await dora.goto('12m');
  await expect(page.getByRole('link', { name: '12 months' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  expect(await dora.tableRows(dora.trend('deploymentFrequency'))).toHaveLength(53);
  await page.getByRole('link', { name: '30 days' }).click();
  await expect(page).toHaveURL(/range=30d/);
  expect(await dora.tableRows(dora.trend('deploymentFrequency'))).toHaveLength(12);
});

test('the overview draws its sparklines as plain SVG with their values for screen readers', async ({
  page,
}) => {
  await page.goto('/', { waitUntil: 'networkidle' });
  const trends = page.getByTestId('overview-trends');
  for (const id of ['trend-cost', 'trend-uptime', 'trend-deployments']) {
    const row = trends.getByTestId(id);
    await expect(row.locator('svg[role="img"]')).toHaveAttribute('aria-label', /.+: .+/);
    await expect(row.locator('svg[role="img"] path')).toHaveCount(1);
    await expect(row.getByTestId('trend-change')).not.toBeEmpty();
  }
  // The last value beside the cost line is the last value of its hidden table.
  const cost = trends.getByTestId('trend-cost');
  const last = await cost.locator('table tbody tr').last().locator('td').textContent();
  await expect(cost.getByTestId('trend-value')).toContainText(`${last} of $`);
  // The overview is a list page: no chart code is drawn there.
  await expect(page.locator('svg.recharts-surface')).toHaveCount(0);
  if (SHOTS) await trends.screenshot({ path: `${SHOTS}/overview-trends.png` });
});

test('an environment shows its events on one time axis, filtered by the range', async ({
  page,
}) => {
  await page.goto('/environments/production?range=90d', { waitUntil: 'networkidle' });
  const timeline = page.getByTestId('environment-timeline');
  await expect(
    timeline.locator('svg.recharts-surface .recharts-scatter-symbol').first(),
  ).toBeVisible(CHART_LOAD);
  if (SHOTS) await timeline.screenshot({ path: `${SHOTS}/timeline-production-90d.png` });
  const answer = (await timeline.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const deployments = Number(/(\d[\d,]*) deployments/.exec(answer)?.[1]?.replace(/,/g, ''));
  await timeline.getByRole('button', { name: 'Table' }).click();
  const whats = await timeline
    .getByTestId('chart-table')
    .locator('tbody tr td:nth-child(2)')
    .allTextContents();
  expect(whats.filter((what) => what === 'Deployments')).toHaveLength(deployments);
  expect(whats).toContain('Incidents');

  await timeline.getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(timeline.getByRole('heading', { level: 2 })).toContainText('7 days');
  await timeline.getByRole('button', { name: 'Table' }).click();
  const week = await timeline.getByTestId('chart-table').locator('tbody tr').count();
  expect(week).toBeLessThan(whats.length);
});

test('the DORA page reads on a phone', async ({ dora, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await dora.goto();
  await expect(dora.card('leadTime')).toBeVisible();
  await expect(
    dora.trend('deploymentFrequency').locator('svg.recharts-surface').first(),
  ).toBeVisible(CHART_LOAD);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/dora-390.png`, fullPage: true });
});
