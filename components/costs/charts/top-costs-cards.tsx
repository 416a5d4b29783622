import { ChartCard } from '@/components/charts/chart-card';
import { formatValue } from '@/components/charts/chart-values';
import { PALETTE } from '@/components/charts/palette';
import { CHART_RANGE_LABELS } from '@/lib/domain/chart-range';
import type { CostSeries } from '@/lib/domain/cost-series';
import { usd } from '@/lib/format';
import { RankedCostChart } from './lazy-cost-charts';
import type { RankedCost } from './ranked-cost-chart';

const leader = (name: string | undefined, amountUsd: number | undefined) =>
  name === undefined || amountUsd === undefined ? undefined : `${name} ${usd(amountUsd)}`;

const heightFor = (rows: number) => Math.max(120, rows * 30 + 32);

function RankedCostCard({
  title,
  answer,
  rows,
  range,
  emptyReason,
  testId,
  label,
}: {
  title: string;
  /** The costliest row, named briefly: the title's answer. */
  answer: string | undefined;
  rows: readonly RankedCost[];
  range: CostSeries['range'];
  emptyReason: string;
  testId: string;
  label: string;
}) {
  return (
    <ChartCard
      title={`${title}, ${CHART_RANGE_LABELS[range]}`}
      answer={answer}
      testId={testId}
      height={heightFor(rows.length)}
      empty={
        rows.length === 0 ? { title: `No ${title.toLowerCase()} yet`, reason: emptyReason } : null
      }
      table={{
        caption: `${title} by cost over ${CHART_RANGE_LABELS[range]}`,
        columns: [
          { key: 'name', label: 'Name' },
          { key: 'cost', label: 'Cost', numeric: true },
        ],
        rows: rows.map((row) => ({ name: row.label, cost: formatValue('usd', row.amountUsd) })),
      }}
    >
      <RankedCostChart rows={rows} color={PALETTE.sky} label={label} />
    </ChartCard>
  );
}

/** The costliest environments and pull requests over the range; each opens its page. */
export function TopCostsCards({ series }: { series: CostSeries }) {
  const environments: RankedCost[] = series.topEnvironments.map((row) => ({
    label: row.name,
    amountUsd: row.amountUsd,
    href: row.slug ? `/environments/${row.slug}` : null,
  }));
  const pullRequests: RankedCost[] = series.topPullRequests.map((row) => ({
    label: `#${row.number} ${row.title}`,
    amountUsd: row.amountUsd,
    href: row.slug ? `/environments/${row.slug}` : null,
  }));
  return (
    <>
      <RankedCostCard
        title="Top environments"
        answer={leader(series.topEnvironments[0]?.name, series.topEnvironments[0]?.amountUsd)}
        rows={environments}
        range={series.range}
        testId="chart-top-environments"
        label="The costliest environments over the range"
        emptyReason="Costs tied to an environment (compute, branches, deployments) appear after the next cost sync."
      />
      <RankedCostCard
        title="Top pull requests"
        answer={leader(
          series.topPullRequests[0] && `#${series.topPullRequests[0].number}`,
          series.topPullRequests[0]?.amountUsd,
        )}
        rows={pullRequests}
        range={series.range}
        testId="chart-top-pull-requests"
        label="The costliest pull request previews over the range"
        emptyReason="Previews cost money only while a pull request is open; none did in this range."
      />
    </>
  );
}
