'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { SyncRunSummary } from '@/lib/domain/admin';
import { count, duration } from '@/lib/format';
import { SyncRunErrors } from './sync-run-errors';
import { ADMIN_TONES } from './tones';

function columns(now: Date): Column<SyncRunSummary>[] {
  return [
    {
      key: 'started',
      header: 'Started',
      cell: (row) => <RelativeTime date={row.startedAt} now={now} className="whitespace-nowrap" />,
    },
    { key: 'kind', header: 'Sync', cell: (row) => <span className="font-mono">{row.kind}</span> },
    {
      key: 'status',
      header: 'Status',
      cell: (row) => <StatusBadge status={row.status} tone={ADMIN_TONES[row.status]} />,
    },
    {
      key: 'duration',
      header: 'Duration',
      align: 'right',
      cell: (row) => <span className="tabular">{duration(row.durationMs)}</span>,
    },
    {
      key: 'items',
      header: 'Seen / changed',
      align: 'right',
      cell: (row) => (
        <span className="tabular">
          {count(row.itemsSeen)} / {count(row.itemsChanged)}
        </span>
      ),
    },
    {
      key: 'calls',
      header: 'API calls',
      align: 'right',
      cell: (row) => <span className="tabular">{count(row.apiCalls)}</span>,
    },
    {
      key: 'errors',
      header: 'Errors',
      className: 'max-w-lg',
      cell: (row) => <SyncRunErrors errors={row.errors} />,
    },
  ];
}

export function SyncRunsTable({ rows, now }: { rows: readonly SyncRunSummary[]; now: Date }) {
  return (
    <DataTable
      caption="Recent sync runs"
      captionHidden={false}
      testId="sync-runs-table"
      columns={columns(now)}
      rows={rows}
      rowKey={(row) => row.id}
      empty={
        <EmptyState title="No sync has run yet">
          The crons in vercel.json run each sync on schedule; an admin can also run one now from the
          table above.
        </EmptyState>
      }
    />
  );
}
