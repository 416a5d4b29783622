import type { ReactNode } from 'react';
import { type Column, DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunbookLink } from '@/components/runbooks/runbook-link';
import { StatusBadge } from '@/components/ui/status-badge';
import type { SyncRunSummary } from '@/lib/domain/admin';
import { SYNC_HEALTH_LABEL, type SyncKindStatus } from '@/lib/domain/sync-health';
import { count, duration } from '@/lib/format';
import { SyncRunErrors } from './sync-run-errors';
import { ADMIN_TONES } from './tones';

type Row = SyncKindStatus<SyncRunSummary>;

function columns(now: Date, runNow?: (kind: string) => ReactNode): Column<Row>[] {
  const list: Column<Row>[] = [
    {
      key: 'kind',
      header: 'Sync',
      cell: (row) => (
        <div className="flex flex-col">
          <span className="font-mono text-ink">{row.kind}</span>
          <span className="text-xs text-muted">every {duration(row.intervalMs)}</span>
        </div>
      ),
    },
    {
      key: 'health',
      header: 'Health',
      cell: (row) => (
        <div className="flex flex-col items-start gap-1">
          <StatusBadge status={row.health} tone={ADMIN_TONES[row.health]}>
            {SYNC_HEALTH_LABEL[row.health]}
          </StatusBadge>
          {row.health === 'not_run' ? null : (
            <span className="text-xs whitespace-nowrap text-muted">
              last success <RelativeTime date={row.lastSuccessAt} now={now} />
            </span>
          )}
          {row.health === 'failing' || row.health === 'stale' ? (
            <RunbookLink name="stuck-operation" className="text-xs whitespace-nowrap">
              What to do
            </RunbookLink>
          ) : null}
        </div>
      ),
    },
    {
      key: 'last',
      header: 'Last run',
      cell: (row) =>
        row.lastRun ? (
          <div className="flex flex-col items-start gap-1">
            <StatusBadge status={row.lastRun.status} tone={ADMIN_TONES[row.lastRun.status]} />
            <RelativeTime date={row.lastRun.startedAt} now={now} className="text-xs text-muted" />
          </div>
        ) : (
          <span className="text-faint">Not run yet</span>
        ),
    },
    {
      key: 'duration',
      header: 'Duration',
      align: 'right',
      cell: (row) => <span className="tabular">{duration(row.lastRun?.durationMs)}</span>,
    },
    {
      key: 'items',
      header: 'Seen / changed',
      align: 'right',
      cell: (row) =>
        row.lastRun ? (
          <span className="tabular">
            {count(row.lastRun.itemsSeen)} / {count(row.lastRun.itemsChanged)}
          </span>
        ) : null,
    },
    {
      key: 'calls',
      header: 'API calls',
      align: 'right',
      cell: (row) => (
        <span className="tabular">{row.lastRun ? count(row.lastRun.apiCalls) : null}</span>
      ),
    },
    {
      key: 'errors',
      header: 'Errors',
      className: 'max-w-lg',
      cell: (row) => <SyncRunErrors errors={row.lastRun?.errors ?? []} />,
    },
  ];
  if (runNow)
    list.push({
      key: 'run',
      header: <span className="sr-only">Run now</span>,
      cell: (row) => runNow(row.kind),
    });
  return list;
}

/** One row per sync kind: its health word, its last run and, for admins, a Run now button. */
export function SyncKindsTable({
  rows,
  now,
  runNow,
}: {
  rows: readonly Row[];
  now: Date;
  runNow?: (kind: string) => ReactNode;
}) {
  return (
    <DataTable
      caption="Sync kinds"
      testId="sync-kinds-table"
      columns={columns(now, runNow)}
      rows={rows}
      rowKey={(row) => row.kind}
    />
  );
}
