'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AuditEntry } from '@/lib/domain/audit';
import { duration } from '@/lib/format';

/** Named as actions, not outcomes: a failed rollback is not "rolled back". */
const ACTION_LABEL = {
  provision: 'Provision',
  promote: 'Promote',
  rollback: 'Roll back',
  reseed: 'Reseed',
  delete: 'Delete',
  cleanup: 'Clean up',
  membership: 'Role change',
} as const;

/** What the row acted on: the member whose role changed, or the environment. */
function subject(row: AuditEntry): string {
  if (row.kind === 'membership') {
    const member = row.after?.member ?? row.before?.member;
    return typeof member === 'string' ? `@${member}` : 'a member';
  }
  return row.environmentName ?? 'no environment';
}

/** A role change's side: "release manager (acme/release)", or "no role". */
function roleHeld(state: Record<string, unknown> | null): string {
  const role = state?.role;
  if (typeof role !== 'string') return 'no role';
  const name = role.replace('_', ' ');
  return typeof state?.team === 'string' ? `${name} (${state.team})` : name;
}

/** `{ deploymentId: 12, commitSha: 'abc…' }` as one short line. */
function summarize(row: AuditEntry, side: 'before' | 'after'): string | null {
  if (row.kind === 'membership') return roleHeld(row[side]);
  const state = row[side];
  if (!state) return null;
  const parts = Object.entries(state)
    .filter(([, value]) => value !== null && typeof value !== 'object')
    .map(([key, value]) => `${key} ${String(value).slice(0, 12)}`);
  return parts.length ? parts.join(', ') : null;
}

function columns(now: Date): Column<AuditEntry>[] {
  return [
    {
      key: 'action',
      header: 'Action',
      cell: (row) => (
        <span className="flex flex-col">
          <span className="font-medium text-ink">{ACTION_LABEL[row.kind]}</span>
          <span className="text-xs text-muted">{subject(row)}</span>
        </span>
      ),
    },
    {
      key: 'actor',
      header: 'Actor',
      cell: (row) => row.actorName ?? row.actorLogin ?? <span className="text-muted">system</span>,
    },
    { key: 'outcome', header: 'Outcome', cell: (row) => <StatusBadge status={row.state} /> },
    {
      key: 'change',
      header: 'From → to',
      className: 'max-w-sm',
      cell: (row) => {
        const before = summarize(row, 'before');
        const after = summarize(row, 'after');
        return (
          <span className="flex flex-col gap-0.5 text-xs">
            {before || after ? (
              <span className="font-mono text-muted">
                {before ?? '—'} → {after ?? '—'}
              </span>
            ) : null}
            {row.reason ? <span className="text-ink">{row.reason}</span> : null}
            {row.error ? <span className="text-red-700">{row.error}</span> : null}
          </span>
        );
      },
    },
    {
      key: 'took',
      header: 'Took',
      align: 'right',
      cell: (row) =>
        row.startedAt && row.finishedAt ? (
          <span className="tabular">
            {duration(row.finishedAt.getTime() - row.startedAt.getTime())}
          </span>
        ) : (
          <span className="text-faint">—</span>
        ),
    },
    {
      key: 'requested',
      header: 'Requested',
      align: 'right',
      cell: (row) => (
        <RelativeTime date={row.requestedAt} now={now} className="whitespace-nowrap" />
      ),
    },
  ];
}

/** The log, or why it is empty: filters that match nothing, or no operation yet. */
export function AuditTable({
  rows,
  now,
  filtered = false,
}: {
  rows: readonly AuditEntry[];
  now: Date;
  /** Whether filters are applied: decides what the empty state suggests. */
  filtered?: boolean;
}) {
  const empty = filtered ? (
    <EmptyState
      title="No operations match these filters"
      action={{ href: '/audit', label: 'Clear filters' }}
    >
      Try another actor, action, environment or outcome.
    </EmptyState>
  ) : (
    <EmptyState title="No operations yet">
      Operations appear here when someone promotes staging to production, rolls production back,
      reseeds a preview database or deletes a preview — each with who did it, when, what changed and
      whether it succeeded.
    </EmptyState>
  );
  return (
    <DataTable
      caption="Audit log"
      testId="audit-table"
      columns={columns(now)}
      rows={rows}
      rowKey={(row) => row.id}
      empty={empty}
    />
  );
}
