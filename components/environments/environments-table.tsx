'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import Link from 'next/link';
import { type Column, DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import type { EnvironmentListItem } from '@/lib/domain/environments';
import { ENVIRONMENT_KIND_LABEL } from '@/lib/domain/environments';
import { Commit, EnvironmentStateBadge, Expiry, ExternalUrl } from './environment-cells';
import { LongName } from '@/components/ui/long-name';

function columns(now: Date): Column<EnvironmentListItem>[] {
  return [
    {
      key: 'environment',
      header: 'Environment',
      cell: (row) => (
        <div className="flex w-48 min-w-0 flex-col">
          <span className="flex items-center gap-1.5">
            <Link
              href={`/environments/${row.slug}`}
              className="font-medium text-ink hover:text-accent hover:underline"
            >
              {row.name}
            </Link>
            {row.kind === 'preview' ? (
              <span className="text-xs text-faint">{ENVIRONMENT_KIND_LABEL[row.kind]}</span>
            ) : null}
            {row.pinned ? <span className="text-xs text-faint">· pinned</span> : null}
          </span>
          <ExternalUrl url={row.url} className="text-xs" />
        </div>
      ),
    },
    {
      key: 'state',
      header: 'State',
      cell: (row) => (
        <span data-testid="environment-state">
          <EnvironmentStateBadge state={row.state} none="Not serving" />
        </span>
      ),
    },
    {
      key: 'serving',
      header: 'Serving',
      cell: (row) =>
        row.current ? (
          <Commit
            className="w-56"
            sha={row.current.commitSha}
            message={row.current.commitMessage}
            author={row.current.commitAuthor}
            at={row.current.createdAt}
            now={now}
          />
        ) : (
          <span className="text-faint">—</span>
        ),
    },
    {
      key: 'branch',
      header: 'Branches',
      cell: (row) => (
        <div className="flex w-36 min-w-0 flex-col text-xs">
          <LongName text={row.gitBranch} title={`git: ${row.gitBranch}`} className="font-mono" />
          {row.dbBranch ? (
            <span className="text-muted">
              db{' '}
              <LongName
                text={row.dbBranch.name}
                title={`Neon: ${row.dbBranch.name} (${row.dbBranch.neonBranchId})`}
                className="font-mono"
              />
            </span>
          ) : (
            <span className="text-faint">no db branch</span>
          )}
        </div>
      ),
    },
    {
      key: 'activity',
      header: 'Activity',
      align: 'right',
      className: 'whitespace-nowrap',
      cell: (row) => (
        <div className="flex flex-col items-end gap-0.5 text-xs">
          <span className="text-muted">
            Active <RelativeTime date={row.lastActivityAt} now={now} className="text-ink" />
          </span>
          {row.status === 'deleted' ? (
            <span className="text-muted">
              Deleted <RelativeTime date={row.deletedAt} now={now} />
            </span>
          ) : row.expiresAt ? (
            <span className="text-muted">
              Expires <Expiry at={row.expiresAt} now={now} />
            </span>
          ) : null}
        </div>
      ),
    },
  ];
}

export function EnvironmentsTable({
  rows,
  now,
}: {
  rows: readonly EnvironmentListItem[];
  now: Date;
}) {
  return (
    <DataTable
      caption="Environments"
      testId="environments-table"
      columns={columns(now)}
      rows={rows}
      rowKey={(row) => row.id}
    />
  );
}
