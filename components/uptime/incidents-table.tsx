import { type Column, DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { Incident } from '@/lib/domain/uptime';
import { duration, exactTime } from '@/lib/format';
import { RunbookLink } from '@/components/runbooks/runbook-link';

function columns(now: Date): Column<Incident>[] {
  return [
    {
      key: 'started',
      header: 'Started',
      cell: (row) => (
        <span className="flex flex-col">
          <RelativeTime date={row.startedAt} now={now} className="font-medium text-ink" />
          <span className="text-xs text-muted">{exactTime(row.startedAt)}</span>
        </span>
      ),
    },
    { key: 'environment', header: 'Environment', cell: (row) => row.environmentName },
    {
      key: 'state',
      header: 'State',
      cell: (row) =>
        row.resolvedAt ? (
          <StatusBadge status="resolved" tone="success">
            Resolved
          </StatusBadge>
        ) : (
          <StatusBadge status="down">Ongoing</StatusBadge>
        ),
    },
    {
      key: 'duration',
      header: 'Duration',
      align: 'right',
      cell: (row) => <span className="tabular">{duration(row.durationMs)}</span>,
    },
    {
      key: 'checks',
      header: 'Failed checks',
      align: 'right',
      cell: (row) => <span className="tabular">{row.checksFailed}</span>,
    },
    {
      key: 'error',
      header: 'First error',
      className: 'max-w-sm',
      cell: (row) => (
        <span className="line-clamp-2 font-mono text-xs text-muted">
          {row.firstError ?? (row.firstStatusCode ? `HTTP ${row.firstStatusCode}` : '—')}
        </span>
      ),
    },
    {
      key: 'runbook',
      header: <span className="sr-only">Runbook</span>,
      cell: (row) => (
        <RunbookLink name="incident" className="text-xs whitespace-nowrap">
          {row.resolvedAt ? 'Postmortem' : 'Incident runbook'}
        </RunbookLink>
      ),
    },
  ];
}

export function IncidentsTable({ incidents, now }: { incidents: readonly Incident[]; now: Date }) {
  return (
    <DataTable
      caption="Incidents"
      testId="incidents-table"
      columns={columns(now)}
      rows={incidents}
      rowKey={(row) => `${row.environmentId}:${row.startedAt.toISOString()}`}
    />
  );
}
