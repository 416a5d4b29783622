import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { type ApiTokenStatus, apiTokenStatus } from '@/lib/domain/api-tokens';
import type { RevokeTokenState, TokenAction } from './api-token-types';
import { RevokeTokenButton } from './revoke-token-button';

export interface ApiTokenRow {
  id: number;
  name: string;
  scopes: string[];
  lastFour: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** A project's tokens: who made each, when it was last used, when it stops, and its status. */
export function ApiTokensTable({
  tokens,
  now,
  revoke,
}: {
  tokens: readonly ApiTokenRow[];
  now: Date;
  revoke: TokenAction<RevokeTokenState>;
}) {
  const status = (row: ApiTokenRow): ApiTokenStatus => apiTokenStatus(row, now);
  const columns: Column<ApiTokenRow>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (row) => (
        <div className="flex flex-col">
          <span className="font-medium text-ink">{row.name}</span>
          {row.lastFour ? (
            <span className="font-mono text-xs text-muted">envb_…{row.lastFour}</span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'scopes',
      header: 'Scopes',
      cell: (row) => <span className="font-mono text-xs">{row.scopes.join(', ')}</span>,
    },
    {
      key: 'created',
      header: 'Created',
      cell: (row) => (
        <span className="whitespace-nowrap">
          {row.createdBy ?? '—'} · <RelativeTime date={row.createdAt} now={now} />
        </span>
      ),
    },
    {
      key: 'last-used',
      header: 'Last used',
      cell: (row) =>
        row.lastUsedAt ? (
          <RelativeTime date={row.lastUsedAt} now={now} />
        ) : (
          <span className="text-muted">never</span>
        ),
    },
    {
      key: 'expires',
      header: 'Expires',
      cell: (row) =>
        row.expiresAt ? (
          <RelativeTime date={row.expiresAt} now={now} />
        ) : (
          <span className="text-muted">never</span>
        ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (row) => <StatusBadge status={status(row)} tone={STATUS_TONE[status(row)]} />,
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      align: 'right',
      cell: (row) =>
        status(row) === 'active' ? (
          <RevokeTokenButton tokenId={row.id} name={row.name} action={revoke} />
        ) : null,
    },
  ];
  return (
    <DataTable
      caption="API tokens"
      columns={columns}
      rows={tokens}
      rowKey={(row) => row.id}
      testId="api-tokens"
      empty={
        <EmptyState title="No API tokens yet">
          Create one above for a CI job or a script: <code>read</code> for the read API,{' '}
          <code>report</code> to upload test results, <code>operate</code> to request operations.
        </EmptyState>
      }
    />
  );
}

const STATUS_TONE = { active: 'success', revoked: 'neutral', expired: 'danger' } as const;
