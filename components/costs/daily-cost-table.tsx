import { type Column, DataTable } from '@/components/ui/data-table';
import type { CostDay, CostProvider } from '@/lib/domain/costs';
import { usd } from '@/lib/format';
import { dayLabel, PROVIDER_LABEL } from './labels';

/** One row per day of the month, split by provider, newest day first. */
export function DailyCostTable({
  days,
  providers,
}: {
  days: readonly CostDay[];
  /** The providers with spend this month, in column order. */
  providers: readonly CostProvider[];
}) {
  const columns: Column<CostDay>[] = [
    {
      key: 'day',
      header: 'Day',
      cell: (row) => <span className="whitespace-nowrap">{dayLabel(row.day)}</span>,
    },
    ...providers.map((provider): Column<CostDay> => ({
      key: provider,
      header: PROVIDER_LABEL[provider],
      align: 'right',
      cell: (row) => (
        <span className={`tabular ${row.byProvider[provider] > 0 ? '' : 'text-faint'}`}>
          {usd(row.byProvider[provider])}
        </span>
      ),
    })),
    {
      key: 'total',
      header: 'Total',
      align: 'right',
      cell: (row) => <span className="font-medium tabular">{usd(row.totalUsd)}</span>,
    },
  ];
  return (
    <DataTable
      caption="Cost per day"
      testId="cost-by-day"
      columns={columns}
      rows={[...days].reverse()}
      rowKey={(row) => row.day}
    />
  );
}
