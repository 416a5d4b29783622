import { type Column, DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import type { CostOverview } from '@/lib/domain/costs';
import { costMetricLabel } from '@/lib/domain/cost-labels';
import { percent, quantity, usd } from '@/lib/format';
import { PROVIDER_LABEL } from './labels';

type Metric = CostOverview['byMetric'][number];
type EnvironmentCost = CostOverview['byEnvironment'][number];
type PullRequestCost = CostOverview['byPullRequest'][number];

const share = (amount: number, total: number) => (total > 0 ? percent(amount / total, 0) : '—');
const money = (amount: number) => <span className="tabular">{usd(amount)}</span>;

/** Each provider's metrics with quantity and amount; the provider total is in the summary. */
export function ProviderCostTable({
  metrics,
  total,
}: {
  metrics: readonly Metric[];
  total: number;
}) {
  const columns: Column<Metric>[] = [
    {
      key: 'metric',
      header: 'Metric',
      cell: (row) => (
        <span>
          <span className="font-medium text-ink">{PROVIDER_LABEL[row.provider]}</span>{' '}
          <span className="text-muted">{costMetricLabel(row.metric)}</span>
        </span>
      ),
    },
    {
      key: 'quantity',
      header: 'Usage',
      align: 'right',
      cell: (row) => <span className="text-muted tabular">{quantity(row.quantity, row.unit)}</span>,
    },
    { key: 'amount', header: 'Cost', align: 'right', cell: (row) => money(row.amountUsd) },
    { key: 'share', header: 'Share', align: 'right', cell: (row) => share(row.amountUsd, total) },
  ];
  return (
    <DataTable
      caption="Cost by provider and metric"
      testId="cost-by-provider"
      columns={columns}
      rows={metrics}
      rowKey={(row) => `${row.provider}:${row.metric}:${row.unit}`}
    />
  );
}

/**
 * Long-lived environments one by one; previews as one row, since the pull-request table below
 * breaks them down.
 */
export function rollUpPreviews(environments: readonly EnvironmentCost[]): EnvironmentCost[] {
  const previews = environments.filter((row) => row.kind === 'preview');
  const rows = environments.filter((row) => row.kind !== 'preview');
  if (previews.length === 0) return rows;
  const amountUsd = previews.reduce((sum, row) => sum + row.amountUsd, 0);
  const rollUp: EnvironmentCost = {
    environmentId: -1,
    slug: null,
    name: `Previews (${previews.length})`,
    kind: 'preview',
    amountUsd,
  };
  return [...rows, rollUp].sort((a, b) => b.amountUsd - a.amountUsd);
}

export function EnvironmentCostTable({
  environments,
  total,
}: {
  environments: readonly EnvironmentCost[];
  total: number;
}) {
  const columns: Column<EnvironmentCost>[] = [
    {
      key: 'environment',
      header: 'Environment',
      cell: (row) => (
        <span className="flex flex-col">
          <span className="font-medium text-ink">{row.name}</span>
          <span className="text-xs text-muted">
            {row.environmentId === -1
              ? 'every preview, by pull request below'
              : (row.kind ?? 'not tied to one environment')}
          </span>
        </span>
      ),
    },
    { key: 'amount', header: 'Cost', align: 'right', cell: (row) => money(row.amountUsd) },
    { key: 'share', header: 'Share', align: 'right', cell: (row) => share(row.amountUsd, total) },
  ];
  return (
    <DataTable
      caption="Cost by environment"
      testId="cost-by-environment"
      columns={columns}
      rows={rollUpPreviews(environments)}
      rowKey={(row) => row.environmentId ?? 'shared'}
    />
  );
}

export function PullRequestCostTable({
  pullRequests,
}: {
  pullRequests: readonly PullRequestCost[];
}) {
  const columns: Column<PullRequestCost>[] = [
    {
      key: 'pr',
      header: 'Pull request',
      cell: (row) => (
        <span className="flex flex-col">
          <span className="font-medium text-ink">
            #{row.number} {row.title}
          </span>
          <span className="text-xs text-muted">{row.author}</span>
        </span>
      ),
    },
    { key: 'state', header: 'State', cell: (row) => <StatusBadge status={row.state} /> },
    { key: 'amount', header: 'Cost', align: 'right', cell: (row) => money(row.amountUsd) },
  ];
  return (
    <DataTable
      caption="Cost by pull request"
      testId="cost-by-pull-request"
      columns={columns}
      rows={pullRequests}
      rowKey={(row) => row.pullRequestId}
      empty={
        <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
          No preview cost this month: previews cost money only while a pull request is open.
        </p>
      }
    />
  );
}

/** Each provider's total for the month, biggest first. */
export function ProviderTotals({
  providers,
  total,
}: {
  providers: CostOverview['byProvider'];
  total: number;
}) {
  return (
    <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="provider-totals">
      {providers.map((row) => (
        <div key={row.provider} className="rounded-md border border-border bg-surface px-3 py-2">
          <dt className="text-xs text-muted">{PROVIDER_LABEL[row.provider]}</dt>
          <dd className="font-semibold tabular">
            {usd(row.amountUsd)}{' '}
            <span className="text-xs font-normal text-muted">{share(row.amountUsd, total)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
