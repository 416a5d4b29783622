'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { CopyButton } from '@/components/ui/copy-button';
import type { AuditAction, AuditEntry } from '@/lib/domain/audit';
import type { AuditField } from '@/lib/domain/audit-fields';
import { duration, exactTime } from '@/lib/format';

/** Named as actions, not outcomes: a failed rollback is not "rolled back". */
const ACTION_LABEL: Record<AuditAction, string> = {
  provision: 'Provision',
  promote: 'Promote',
  rollback: 'Roll back',
  reseed: 'Reseed',
  delete: 'Delete',
  cleanup: 'Clean up',
  membership: 'Role change',
  pin: 'Pin',
  freeze: 'Freeze',
  api_token: 'API token',
  alert_channel: 'Alert channel',
  approve: 'Approve',
  reject: 'Reject',
};

type Row = AuditEntry & { fields: AuditField[] };

/** What the row acted on: the member whose role changed, the promotion decided, or the environment. */
function subject(row: Row): string {
  if (row.kind === 'membership') {
    const member = row.after?.member ?? row.before?.member;
    return typeof member === 'string' ? `@${member}` : 'a member';
  }
  const environment = row.environmentName ?? 'no environment';
  return row.action === 'approve' || row.action === 'reject'
    ? `promotion to ${environment}`
    : environment;
}

/** A field's value in full: long values wrap at any character rather than being cut off. */
function FieldValue({ field, value }: { field: AuditField; value: string }) {
  if (field.kind === 'time') {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? (
      <>{value}</>
    ) : (
      <time dateTime={value}>{exactTime(instant)}</time>
    );
  }
  if (field.kind === 'url') {
    return (
      // Vercel reports deployment URLs without a scheme.
      <a
        href={/^https?:\/\//.test(value) ? value : `https://${value}`}
        className="text-accent underline-offset-2 hover:underline"
        rel="noreferrer"
      >
        {value}
      </a>
    );
  }
  return <>{value}</>;
}

/** Each detail labelled, its value before on one line and "→ after" on the next. */
function Fields({ fields }: { fields: readonly AuditField[] }) {
  if (fields.length === 0) return null;
  return (
    <dl
      className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5"
      data-testid="audit-fields"
    >
      {fields.map((field) => (
        <div key={field.label} className="contents">
          <dt className="text-muted">{field.label}</dt>
          <dd className="min-w-0 font-mono [overflow-wrap:anywhere] text-ink">
            <span className="flex flex-col gap-y-0.5">
              {field.from !== undefined ? (
                <span>
                  <FieldValue field={field} value={field.from} />
                </span>
              ) : null}
              {field.to !== undefined ? (
                <span>
                  {field.from !== undefined ? (
                    <>
                      <span aria-hidden="true" className="text-muted">
                        →{' '}
                      </span>
                      <span className="sr-only">to </span>
                    </>
                  ) : null}
                  <FieldValue field={field} value={field.to} />
                </span>
              ) : null}
              {field.kind === 'copyable' ? (
                <span>
                  <CopyButton value={(field.to ?? field.from)!} label={field.label.toLowerCase()} />
                </span>
              ) : null}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function columns(now: Date): Column<Row>[] {
  return [
    {
      key: 'action',
      header: 'Action',
      cell: (row) => (
        <span className="flex flex-col">
          <span className="font-medium text-ink">{ACTION_LABEL[row.action]}</span>
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
      className: 'min-w-[16rem] max-w-xl',
      cell: (row) => (
        <div className="flex flex-col gap-1 text-xs">
          <Fields fields={row.fields} />
          {row.reason ? <p className="[overflow-wrap:anywhere] text-ink">{row.reason}</p> : null}
          {row.error ? <p className="[overflow-wrap:anywhere] text-red-700">{row.error}</p> : null}
        </div>
      ),
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
  rows: readonly Row[];
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
