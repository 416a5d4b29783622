import { ChartCard } from '@/components/charts/chart-card';
import type { ChartTableData } from '@/components/charts/chart-table';
import { BURN_WINDOW_LABEL, type BurnRateReading, formatBurnRate } from '@/lib/domain/burn-rate';
import { count } from '@/lib/format';
import { BurnRateChart } from './lazy-uptime-charts';

const pair = (reading: BurnRateReading) =>
  `${BURN_WINDOW_LABEL[reading.long]} / ${BURN_WINDOW_LABEL[reading.short]}`;

/**
 * The SRE workbook's multi-window burn-rate alerts
 * (https://sre.google/workbook/alerting-on-slos/), read now: each fires when both of its
 * windows spend the budget faster than its factor.
 */
export function BurnRateCard({
  environmentName,
  readings,
}: {
  environmentName: string;
  readings: readonly BurnRateReading[];
}) {
  const title = `${environmentName} burn rate now`;
  const firing = readings.filter((reading) => reading.firing);
  const table: ChartTableData = {
    caption: `${title}, by alert window pair`,
    columns: [
      { key: 'pair', label: 'Windows' },
      { key: 'alert', label: 'Alert' },
      { key: 'long', label: 'Long window', numeric: true },
      { key: 'short', label: 'Short window', numeric: true },
      { key: 'checks', label: 'Checks (long / short)', numeric: true },
      { key: 'state', label: 'State' },
    ],
    rows: readings.map((reading) => ({
      pair: pair(reading),
      alert: `${reading.severity} at ${formatBurnRate(reading.threshold)}`,
      long: formatBurnRate(reading.longRate),
      short: formatBurnRate(reading.shortRate),
      checks: `${count(reading.longChecks)} / ${count(reading.shortChecks)}`,
      state: reading.firing ? 'Firing' : 'Quiet',
    })),
  };
  const noChecks = readings.every((reading) => reading.longRate === null);
  return (
    <ChartCard
      title={title}
      answer={
        noChecks ? undefined : firing.length === 0 ? (
          'no alert firing'
        ) : (
          <span className="text-red-700">
            {firing.map((reading) => `${pair(reading)} ${reading.severity}`).join(', ')} firing
          </span>
        )
      }
      table={table}
      height={360}
      testId="burn-rate-chart"
      empty={
        noChecks
          ? {
              title: `No checks of ${environmentName} in the last 3 days`,
              reason: 'Burn rates are read from the last 3 days of checks, every 5 minutes.',
            }
          : null
      }
    >
      <BurnRateChart readings={readings} label={title} />
    </ChartCard>
  );
}
