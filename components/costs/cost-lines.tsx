'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import Link from 'next/link';
import { type Column, DataTable } from '@/components/ui/data-table';
import type { CostLine } from '@/lib/domain/costs';
import { costMetricLabel } from '@/lib/domain/cost-labels';
import { quantity, usd } from '@/lib/format';
import { PROVIDER_LABEL } from './labels';

const lineKey = (row: CostLine) =>
  `${row.provider}:${row.metric}:${row.unit}:${row.environmentSlug ?? 'shared'}:${row.pullRequestNumber ?? ''}`;

/**
 * The cost lines behind one bar of the daily chart: what was spent on that day (or week), each
 * metric per environment, costliest first.
 */
export function CostLines({
  title,
  lines,
  closeHref,
}: {
  title: string;
  lines: readonly CostLine[];
  closeHref: string;
}) {
  const total = lines.reduce((sum, row) => sum + row.amountUsd, 0);
  const columns: Column<CostLine>[] = [
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
      key: 'environment',
      header: 'Environment',
      cell: (row) =>
        row.environmentSlug ? (
          <Link href={`/environments/${row.environmentSlug}`} className="hover:underline">
            {row.environmentName}
            {/* Previews are usually named after their pull request already. */}
            {row.pullRequestNumber && !row.environmentName.includes(`#${row.pullRequestNumber}`) ? (
              <span className="text-muted"> · #{row.pullRequestNumber}</span>
            ) : null}
          </Link>
        ) : (
          <span className="text-muted">{row.environmentName}</span>
        ),
    },
    {
      key: 'quantity',
      header: 'Usage',
      align: 'right',
      cell: (row) => <span className="text-muted tabular">{quantity(row.quantity, row.unit)}</span>,
    },
    {
      key: 'amount',
      header: 'Cost',
      align: 'right',
      cell: (row) => <span className="tabular">{usd(row.amountUsd)}</span>,
    },
  ];
  return (
    <section
      id="cost-lines"
      aria-labelledby="cost-lines-title"
      className="mb-6 scroll-mt-4"
      data-testid="cost-lines"
    >
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h2 id="cost-lines-title" className="text-sm font-semibold">
          {title} <span className="font-normal text-muted">— {usd(total)}</span>
        </h2>
        <Link href={closeHref} scroll={false} className="text-xs text-muted hover:text-ink">
          Close
        </Link>
      </div>
      <DataTable
        caption={title}
        testId="cost-lines-table"
        columns={columns}
        rows={lines}
        rowKey={lineKey}
        empty={
          <p className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-6 text-center text-sm text-muted">
            Nothing was spent then: no provider recorded usage.
          </p>
        }
      />
    </section>
  );
}
