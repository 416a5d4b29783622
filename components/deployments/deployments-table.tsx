'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import Link from 'next/link';
import {
  DeploymentRowActions,
  type DeploymentOperations,
} from '@/components/operations/deployment-operations';
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { DEPLOYMENT_SOURCE_LABELS, type DeploymentListItem } from '@/lib/domain/deployments';
import type { SuspectedIncident } from '@/lib/domain/incident-links';
import { duration, exactTime, shortSha } from '@/lib/format';

function columns(
  now: Date,
  operations?: DeploymentOperations,
  suspected: readonly SuspectedIncident[] = [],
): Column<DeploymentListItem>[] {
  const base: Column<DeploymentListItem>[] = [
    {
      key: 'commit',
      header: 'Commit',
      className: 'max-w-md',
      cell: (row) => (
        <div className="flex min-w-0 flex-col gap-0.5">
          <span className="truncate text-ink" title={row.commitMessage}>
            {row.commitMessage}
          </span>
          <span className="flex flex-wrap gap-x-2 text-xs text-muted">
            <code className="font-mono" title={row.commitSha}>
              {shortSha(row.commitSha)}
            </code>
            <span className="font-mono">{row.gitBranch}</span>
            {row.pullRequestNumber ? <span>PR #{row.pullRequestNumber}</span> : null}
          </span>
          {row.errorMessage ? (
            <span className="truncate text-xs text-red-700" title={row.errorMessage}>
              {row.errorMessage}
            </span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'state',
      header: 'State',
      cell: (row) => (
        <div className="flex flex-col items-start gap-1">
          <StatusBadge status={row.state} />
          {/* Built from git is the usual case and goes without saying. */}
          {row.source !== 'git' ? (
            <span className="text-xs text-muted" data-testid="deployment-source">
              {DEPLOYMENT_SOURCE_LABELS[row.source]}
              {row.promotedAt ? (
                <>
                  {' '}
                  <RelativeTime date={row.promotedAt} now={now} />
                </>
              ) : null}
            </span>
          ) : null}
          {suspected
            .filter((incident) => incident.deploymentId === row.id)
            .map((incident) => (
              <Link
                key={incident.startedAt.toISOString()}
                href="/uptime#incidents"
                className="text-xs font-medium text-red-700 hover:underline"
                data-testid="suspected-incident"
              >
                Suspected cause of the {incident.environmentName} incident of{' '}
                {exactTime(incident.startedAt)}
                {incident.resolvedAt ? '' : ' (ongoing)'}
              </Link>
            ))}
        </div>
      ),
    },
    {
      key: 'environment',
      header: 'Environment',
      cell: (row) => (
        <div className="flex flex-col">
          <span className="font-medium text-ink">{row.environmentName}</span>
          <span className="text-xs text-muted">{row.target}</span>
        </div>
      ),
    },
    { key: 'author', header: 'Author', cell: (row) => row.commitAuthor },
    {
      key: 'build',
      header: 'Build',
      align: 'right',
      cell: (row) => <span className="tabular">{duration(row.buildDurationMs)}</span>,
    },
    {
      key: 'created',
      header: 'Created',
      align: 'right',
      cell: (row) => <RelativeTime date={row.createdAt} now={now} className="whitespace-nowrap" />,
    },
  ];
  if (!operations) return base;
  return [
    ...base,
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      cell: (row) => <DeploymentRowActions row={row} operations={operations} />,
    },
  ];
}

/** The table, or what to do when there is nothing to show: clear the filters, or wait for a build. */
export function DeploymentsTable({
  rows,
  now,
  filtered = false,
  operations,
  suspected,
}: {
  rows: readonly DeploymentListItem[];
  now: Date;
  /** Whether filters are applied: decides what the empty state suggests. */
  filtered?: boolean;
  /** Promote / roll back buttons on the rows, for members who may; none for the others. */
  operations?: DeploymentOperations;
  /** Incidents some of the rows are the suspected cause of. */
  suspected?: readonly SuspectedIncident[];
}) {
  const empty = filtered ? (
    <EmptyState
      title="No deployments match these filters"
      action={{ href: '/deployments', label: 'Clear filters' }}
    >
      Try another environment, state or branch, or clear the filters to see every deployment.
    </EmptyState>
  ) : (
    <EmptyState title="No deployments yet">
      Deployments appear here as soon as Vercel reports a build: push a commit or open a pull
      request, and the webhook (or the next sync) records it.
    </EmptyState>
  );
  return (
    <DataTable
      caption="Deployments"
      testId="deployments-table"
      columns={columns(now, operations, suspected)}
      rows={rows}
      rowKey={(row) => row.id}
      empty={empty}
    />
  );
}
