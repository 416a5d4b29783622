import { type Column, DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { incidentKey, type LinkedIncident } from '@/lib/domain/incident-links';
import { duration, exactTime } from '@/lib/format';
import { RunbookLink } from '@/components/runbooks/runbook-link';
import { IncidentCause } from './incident-cause';
import { IncidentRollback, type IncidentRollbackOffer } from './incident-rollback';

function columns(now: Date, rollback?: IncidentRollbackOffer): Column<LinkedIncident>[] {
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
      key: 'cause',
      header: 'Deployment',
      className: 'max-w-xs',
      cell: (row) => (
        <span className="flex flex-col items-start gap-1.5">
          <IncidentCause incident={row} />
          {rollback?.incidentKey === incidentKey(row) ? (
            <IncidentRollback offer={rollback} />
          ) : null}
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

/** Incidents with the deployment each is linked to; `rollback` on the open production one. */
export function IncidentsTable({
  incidents,
  now,
  rollback,
}: {
  incidents: readonly LinkedIncident[];
  now: Date;
  rollback?: IncidentRollbackOffer;
}) {
  return (
    <DataTable
      caption="Incidents"
      testId="incidents-table"
      columns={columns(now, rollback)}
      rows={incidents}
      rowKey={incidentKey}
    />
  );
}
