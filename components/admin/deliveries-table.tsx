'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import Link from 'next/link';
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { DeliveryListItem } from '@/lib/domain/admin';
import { DeliveryNote } from './delivery-note';
import { eventLabel } from './event-label';
import { ADMIN_TONES } from './tones';

function columns(now: Date): Column<DeliveryListItem>[] {
  return [
    {
      key: 'received',
      header: 'Received',
      cell: (row) => (
        <Link href={`/deliveries/${row.id}`} className="text-accent hover:underline">
          <RelativeTime date={row.receivedAt} now={now} className="whitespace-nowrap" />
        </Link>
      ),
    },
    {
      key: 'event',
      header: 'Event',
      cell: (row) => (
        <div className="flex flex-col">
          <span className="font-mono text-ink">{eventLabel(row)}</span>
          <span className="text-xs text-muted">
            {row.provider} · <span className="font-mono">{row.deliveryId}</span>
          </span>
        </div>
      ),
    },
    {
      key: 'outcome',
      header: 'Outcome',
      cell: (row) => <StatusBadge status={row.status} tone={ADMIN_TONES[row.status]} />,
    },
    { key: 'attempts', header: 'Attempts', align: 'right', cell: (row) => row.attempts },
    {
      key: 'next',
      header: 'Next attempt',
      cell: (row) => <RelativeTime date={row.nextAttemptAt} now={now} />,
    },
    {
      key: 'note',
      header: 'Error or reason',
      className: 'max-w-md',
      cell: (row) => <DeliveryNote status={row.status} note={row.error} clamp />,
    },
  ];
}

export function DeliveriesTable({
  rows,
  now,
  filtered,
}: {
  rows: readonly DeliveryListItem[];
  now: Date;
  filtered: boolean;
}) {
  const empty = filtered ? (
    <EmptyState
      title="No deliveries match these filters"
      action={{ href: '/deliveries', label: 'Clear filters' }}
    >
      Try another provider, event or outcome.
    </EmptyState>
  ) : (
    <EmptyState title="No webhook deliveries yet">
      Point GitHub and Vercel webhooks at /api/webhooks/github and /api/webhooks/vercel with their
      secrets set on the server; each delivery appears here as it arrives.
    </EmptyState>
  );
  return (
    <DataTable
      caption="Webhook deliveries"
      testId="deliveries-table"
      columns={columns(now)}
      rows={rows}
      rowKey={(row) => row.id}
      empty={empty}
    />
  );
}
