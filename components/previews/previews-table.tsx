'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import Link from 'next/link';
import {
  EnvironmentStateBadge,
  Expiry,
  ExternalUrl,
} from '@/components/environments/environment-cells';
import { PreviewActions, type PreviewOperations } from '@/components/operations/preview-operations';
import { type Column, DataTable } from '@/components/ui/data-table';
import { LongName } from '@/components/ui/long-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { PreviewListItem } from '@/lib/domain/previews';
import { exclusionLabel } from '@/lib/domain/preview-exclusion';
import type { PreviewTab } from '@/lib/domain/previews';
import type { PreviewAvailability } from '@/lib/domain/availability';
import { PinNote } from '@/components/controls/pin-note';
import { pinView } from '@/lib/domain/pins';
import { PreviewCost } from './preview-cost';
import { TestSummary } from './test-summary';

function pullRequestColumn(): Column<PreviewListItem> {
  return {
    key: 'pull-request',
    header: 'Pull request',
    cell: ({ pullRequest: pr }) => (
      <div className="flex w-56 min-w-0 flex-col gap-0.5">
        <span className="line-clamp-2" title={pr.title}>
          {pr.htmlUrl ? (
            <a href={pr.htmlUrl} className="font-medium text-ink hover:text-accent hover:underline">
              <span className="text-muted">#{pr.number}</span> {pr.title}
            </a>
          ) : (
            <span className="font-medium">
              <span className="text-muted">#{pr.number}</span> {pr.title}
            </span>
          )}
        </span>
        <span className="flex min-w-0 items-center gap-2 text-xs text-muted">
          <span className="shrink-0">{pr.author}</span>
          <span className="truncate font-mono" title={pr.headBranch}>
            {pr.headBranch}
          </span>
          {pr.draft ? <span className="shrink-0 text-faint">draft</span> : null}
        </span>
      </div>
    ),
  };
}

function previewColumn(now: Date): Column<PreviewListItem> {
  return {
    key: 'preview',
    header: 'Preview',
    cell: ({ environment }) =>
      environment ? (
        <div className="flex w-44 min-w-0 flex-col items-start gap-1">
          <span className="flex items-center gap-2">
            <span data-testid="environment-state">
              <EnvironmentStateBadge state={environment.state} />
            </span>
            <Link
              href={`/environments/${environment.slug}`}
              className="text-xs text-muted hover:text-accent hover:underline"
            >
              {environment.slug}
            </Link>
          </span>
          {environment.status === 'active' ? (
            <ExternalUrl url={environment.url} className="w-full text-xs" />
          ) : null}
          {environment.status === 'active' && pinView(environment, now) ? (
            <PinNote pin={pinView(environment, now)!} now={now} />
          ) : null}
        </div>
      ) : (
        <span className="text-xs text-faint">No preview</span>
      ),
  };
}

/** Reseed and delete on each live preview, for members who may. */
export interface PreviewTableOperations extends PreviewOperations {
  offers: Map<number, PreviewAvailability>;
}

function actionsColumn(operations: PreviewTableOperations, now: Date): Column<PreviewListItem> {
  return {
    key: 'actions',
    header: <span className="sr-only">Actions</span>,
    cell: ({ environment, dbBranch, pullRequest, exclusion }) => {
      const offer = environment ? operations.offers.get(environment.id) : undefined;
      // A fork's or another environment's branch: nothing to reseed or delete as a preview.
      if (!environment || !offer || exclusion) return null;
      if (environment.status === 'deleted' && !offer.provisionAgain) return null;
      return (
        <PreviewActions
          preview={{
            id: environment.id,
            name: environment.slug,
            dbBranchName: dbBranch?.name ?? null,
            gitBranch: pullRequest.headBranch,
            pullRequestOpen: pullRequest.state === 'open',
            pin: pinView(environment, now),
          }}
          availability={offer}
          operations={operations}
        />
      );
    },
  };
}

function columns(
  tab: PreviewTab,
  now: Date,
  operations?: PreviewTableOperations,
): Column<PreviewListItem>[] {
  const base: Column<PreviewListItem>[] = [
    pullRequestColumn(),
    previewColumn(now),
    {
      key: 'database',
      header: 'DB branch',
      cell: ({ dbBranch, exclusion }) =>
        exclusion ? (
          <span className="text-xs text-muted" data-testid="preview-exclusion">
            {exclusionLabel(exclusion)}
          </span>
        ) : dbBranch ? (
          <div className="flex w-32 min-w-0 flex-col items-start gap-1 text-xs">
            <LongName
              text={dbBranch.name}
              title={`${dbBranch.name} (${dbBranch.neonBranchId})`}
              className="w-full font-mono"
            />
            {dbBranch.state !== 'ready' ? <StatusBadge status={dbBranch.state} /> : null}
          </div>
        ) : (
          <span className="text-xs text-faint">—</span>
        ),
    },
    { key: 'tests', header: 'Tests', cell: (row) => <TestSummary summary={row.tests} /> },
    {
      key: 'age',
      header: tab === 'open' ? 'Age · expiry' : 'Age · closed',
      className: 'whitespace-nowrap',
      cell: ({ pullRequest, environment }) => (
        <div className="flex flex-col items-start gap-1 text-xs">
          <span className="text-muted">
            Opened <RelativeTime date={pullRequest.openedAt} now={now} className="text-ink" />
          </span>
          {tab === 'closed' ? (
            <span className="flex items-center gap-1.5">
              <StatusBadge status={pullRequest.state} />
              <RelativeTime date={pullRequest.mergedAt ?? pullRequest.closedAt} now={now} />
            </span>
          ) : environment?.status === 'active' && environment.expiresAt ? (
            <span className="flex items-center gap-1 text-muted">
              Expires <Expiry at={environment.expiresAt} now={now} />
            </span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'cost',
      header: 'Cost',
      align: 'right',
      cell: (row) => <PreviewCost cost={row.cost} live={row.environment?.status === 'active'} />,
    },
  ];
  return operations ? [...base, actionsColumn(operations, now)] : base;
}

export function PreviewsTable({
  rows,
  tab,
  now,
  operations,
}: {
  rows: readonly PreviewListItem[];
  tab: PreviewTab;
  now: Date;
  operations?: PreviewTableOperations;
}) {
  return (
    <DataTable
      caption={tab === 'open' ? 'Open pull requests and their previews' : 'Closed pull requests'}
      testId="previews-table"
      columns={columns(tab, now, operations)}
      rows={rows}
      rowKey={(row) => row.pullRequest.id}
    />
  );
}
