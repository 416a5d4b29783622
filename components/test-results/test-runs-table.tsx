'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import Link from 'next/link';
import { type Column, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { TestRunListItem } from '@/lib/domain/test-runs';
import { count, duration, pct, shortSha } from '@/lib/format';
import { SUITE_LABEL } from './suite-label';

function tally(value: number, tone: string) {
  return <span className={`tabular ${value > 0 ? tone : 'text-faint'}`}>{count(value)}</span>;
}

function columns(now: Date): Column<TestRunListItem>[] {
  return [
    {
      key: 'run',
      header: 'Run',
      cell: (row) => (
        <div className="flex flex-col">
          <Link href={`/tests/runs/${row.id}`} className="font-medium text-accent hover:underline">
            {SUITE_LABEL[row.suite]} run #{row.id}
          </Link>
          <span className="flex flex-wrap gap-x-2 text-xs text-muted">
            <span className="font-mono">{row.branch}</span>
            <code className="font-mono" title={row.commitSha}>
              {shortSha(row.commitSha)}
            </code>
            {row.pullRequestNumber ? <span>PR #{row.pullRequestNumber}</span> : null}
          </span>
        </div>
      ),
    },
    { key: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
    {
      key: 'passed',
      header: 'Passed',
      align: 'right',
      cell: (row) => tally(row.passed, 'text-emerald-700'),
    },
    {
      key: 'failed',
      header: 'Failed',
      align: 'right',
      cell: (row) => tally(row.failed, 'font-semibold text-red-700'),
    },
    {
      key: 'skipped',
      header: 'Skipped',
      align: 'right',
      cell: (row) => tally(row.skipped, 'text-muted'),
    },
    {
      key: 'flaky',
      header: 'Flaky',
      align: 'right',
      cell: (row) => tally(row.flaky, 'font-semibold text-amber-700'),
    },
    {
      key: 'duration',
      header: 'Duration',
      align: 'right',
      cell: (row) => <span className="tabular">{duration(row.durationMs)}</span>,
    },
    {
      key: 'coverage',
      header: 'Coverage',
      align: 'right',
      cell: (row) =>
        row.coveragePct === null ? (
          <span className="text-faint">—</span>
        ) : (
          <span className="tabular">{pct(row.coveragePct, 1)}</span>
        ),
    },
    {
      key: 'started',
      header: 'Started',
      align: 'right',
      cell: (row) => <RelativeTime date={row.startedAt} now={now} className="whitespace-nowrap" />,
    },
  ];
}

export function TestRunsTable({
  rows,
  now,
  filtered = false,
}: {
  rows: readonly TestRunListItem[];
  now: Date;
  /** Whether filters are applied: decides what the empty state suggests. */
  filtered?: boolean;
}) {
  const empty = (
    <EmptyState
      title={filtered ? 'No test runs match these filters' : 'No test runs yet'}
      action={filtered ? { href: '/tests', label: 'Clear filters' } : undefined}
    >
      {filtered
        ? 'Try another suite, status or branch.'
        : 'Runs appear here when a CI workflow uploads its test report.'}
    </EmptyState>
  );
  return (
    <DataTable
      caption="Test runs"
      testId="test-runs-table"
      columns={columns(now)}
      rows={rows}
      rowKey={(row) => row.id}
      empty={empty}
    />
  );
}
