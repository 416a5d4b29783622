'use client';

import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import type { CleanupCandidate } from '@/lib/domain/cleanup';

type Row = CleanupCandidate & { thisRun: boolean };

const KIND_LABELS: Record<CleanupCandidate['kind'], string> = {
  preview: 'Preview',
  neon_branch: 'Neon branch',
  deployment: 'Vercel deployment',
};

function subject(row: Row): string {
  if (row.kind === 'deployment') return `${row.vercelId} (${row.gitBranch})`;
  return row.name;
}

const columns: Column<Row>[] = [
  {
    key: 'subject',
    header: 'Would delete',
    cell: (row) => (
      <div className="flex flex-col">
        <span className="font-mono text-ink">{subject(row)}</span>
        <span className="text-xs text-muted">{KIND_LABELS[row.kind]}</span>
      </div>
    ),
  },
  {
    key: 'reason',
    header: 'Reason',
    className: 'max-w-xl',
    cell: (row) => <span className="text-sm break-words text-ink">{row.reason}</span>,
  },
  {
    key: 'when',
    header: 'When',
    cell: (row) => (
      <StatusBadge
        status={row.thisRun ? 'next_sweep' : 'a_later_sweep'}
        tone={row.thisRun ? 'warning' : 'neutral'}
      />
    ),
  },
];

/**
 * Cleanup's dry run: what the next sweep would delete and why. Past `maxDeletions` a row waits
 * for a later sweep, as the sweep itself leaves it.
 */
export function CleanupCandidatesTable({
  candidates,
  maxDeletions,
}: {
  candidates: readonly CleanupCandidate[];
  maxDeletions: number;
}) {
  const rows = candidates.map((candidate, index) => ({
    ...candidate,
    thisRun: index < maxDeletions,
  }));
  return (
    <DataTable
      caption="Cleanup candidates"
      testId="cleanup-candidates-table"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key}
      empty={
        <EmptyState title="Nothing to clean up">
          No closed or idle preview, and nothing envboard made for a closed pull request is left.
        </EmptyState>
      }
    />
  );
}
