'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AlertHistoryItem } from '@/lib/domain/alerts';
import { ALERT_EVENT_LABELS, EVENT_TONES, MESSAGE_STATUS_TONES, ruleLabel } from './labels';

function attemptLine(attempt: AlertHistoryItem['attemptLog'][number]): string {
  const answer = attempt.status === null ? 'no answer' : `HTTP ${attempt.status}`;
  return `${new Date(attempt.at).toISOString().replace('T', ' ').slice(0, 19)} UTC — ${attempt.error ?? answer}`;
}

function columns(now: Date): Column<AlertHistoryItem>[] {
  return [
    {
      key: 'when',
      header: 'When',
      cell: (row) => <RelativeTime date={row.createdAt} now={now} className="whitespace-nowrap" />,
    },
    {
      key: 'alert',
      header: 'Alert',
      className: 'max-w-md',
      cell: (row) => (
        <div className="flex flex-col gap-0.5">
          <span className="text-ink">{row.title}</span>
          <span className="text-xs text-muted">
            {ruleLabel(row.rule)} · <span className="font-mono">{row.dedupeKey}</span>
          </span>
        </div>
      ),
    },
    {
      key: 'event',
      header: 'Event',
      cell: (row) => (
        <StatusBadge status={row.event} tone={EVENT_TONES[row.event]}>
          {ALERT_EVENT_LABELS[row.event]}
        </StatusBadge>
      ),
    },
    {
      key: 'channel',
      header: 'Channel',
      cell: (row) => row.channelName ?? <span className="text-faint">deleted channel</span>,
    },
    {
      key: 'delivery',
      header: 'Delivery',
      cell: (row) => <StatusBadge status={row.status} tone={MESSAGE_STATUS_TONES[row.status]} />,
    },
    {
      key: 'attempts',
      header: 'Attempts',
      className: 'max-w-sm',
      cell: (row) =>
        row.attemptLog.length === 0 ? (
          <span className="text-muted">
            none yet
            {row.status === 'pending' ? (
              <>
                {' '}
                · due <RelativeTime date={row.nextAttemptAt} now={now} />
              </>
            ) : null}
          </span>
        ) : (
          <details>
            <summary className="cursor-pointer">
              {row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}
              {row.status === 'pending' ? (
                <>
                  {' '}
                  · retry <RelativeTime date={row.nextAttemptAt} now={now} />
                </>
              ) : null}
            </summary>
            <ol className="mt-1 flex flex-col gap-0.5 text-xs text-muted">
              {row.attemptLog.map((attempt, index) => (
                <li key={index} className="break-words">
                  {attemptLine(attempt)}
                </li>
              ))}
            </ol>
          </details>
        ),
    },
  ];
}

export function AlertHistoryTable({
  rows,
  now,
  filtered,
}: {
  rows: readonly AlertHistoryItem[];
  now: Date;
  filtered: boolean;
}) {
  const empty = filtered ? (
    <EmptyState
      title="No alerts match these filters"
      action={{ href: '/alerts/history', label: 'Clear filters' }}
    >
      Try another channel, rule, event or delivery status.
    </EmptyState>
  ) : (
    <EmptyState title="No alerts sent yet" action={{ href: '/alerts', label: 'Add a channel' }}>
      Messages appear here when a rule fires or a channel is tested, with each delivery attempt.
    </EmptyState>
  );
  return (
    <DataTable
      caption="Alert history"
      columns={columns(now)}
      rows={rows}
      rowKey={(row) => row.id}
      empty={empty}
      testId="alert-history"
    />
  );
}
