'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AlertChannelListItem } from '@/lib/domain/alerts';
import { ChannelButtons, type ChannelActions } from './channel-buttons';
import { CHANNEL_KIND_LABELS } from './labels';

function columns(actions: ChannelActions): Column<AlertChannelListItem>[] {
  return [
    {
      key: 'name',
      header: 'Channel',
      cell: (row) => <span className="font-medium text-ink">{row.name}</span>,
    },
    { key: 'kind', header: 'Kind', cell: (row) => CHANNEL_KIND_LABELS[row.kind] },
    {
      key: 'url',
      header: 'URL',
      cell: (row) => (
        <span
          className="font-mono text-xs text-muted"
          title="The URL is a secret: only this masked form is shown"
        >
          {row.urlHint}
        </span>
      ),
    },
    {
      key: 'state',
      header: 'State',
      cell: (row) =>
        row.enabled ? (
          <StatusBadge status="enabled" tone="success">
            Enabled
          </StatusBadge>
        ) : (
          <StatusBadge status="disabled" tone="neutral">
            Disabled
          </StatusBadge>
        ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'right',
      cell: (row) => (
        <ChannelButtons id={row.id} name={row.name} enabled={row.enabled} actions={actions} />
      ),
    },
  ];
}

export function ChannelsTable({
  rows,
  actions,
}: {
  rows: readonly AlertChannelListItem[];
  actions: ChannelActions;
}) {
  return (
    <DataTable
      caption="Alert channels"
      columns={columns(actions)}
      rows={rows}
      rowKey={(row) => row.id}
      testId="alert-channels"
      empty={
        <EmptyState title="No alert channels yet">
          Add a Slack or Discord incoming webhook, or any URL that takes signed JSON, below; then
          route rules to it on the Rules tab.
        </EmptyState>
      }
    />
  );
}
