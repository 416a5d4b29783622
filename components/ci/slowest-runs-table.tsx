'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { type Column, DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import type { CiSlowRun } from '@/lib/domain/ci-metrics';
import { duration, exactTime, shortSha } from '@/lib/format';

const COLUMNS: Column<CiSlowRun>[] = [
  {
    key: 'run',
    header: 'Run',
    cell: (run) => (
      <div className="flex flex-col">
        {run.htmlUrl ? (
          <a
            href={run.htmlUrl}
            target="_blank"
            rel="noreferrer"
            className="font-medium text-accent hover:underline"
          >
            {run.workflow} on GitHub ↗
          </a>
        ) : (
          <span className="font-medium">{run.workflow}</span>
        )}
        <span className="flex flex-wrap gap-x-2 text-xs text-muted">
          <span className="font-mono">{run.headBranch}</span>
          <code className="font-mono" title={run.headSha}>
            {shortSha(run.headSha)}
          </code>
        </span>
      </div>
    ),
  },
  {
    key: 'conclusion',
    header: 'Conclusion',
    cell: (run) => <StatusBadge status={run.conclusion ?? 'completed'} />,
  },
  {
    key: 'duration',
    header: 'Duration',
    align: 'right',
    cell: (run) => <span className="tabular font-medium">{duration(run.durationMs)}</span>,
  },
  {
    key: 'queue',
    header: 'Queued',
    align: 'right',
    cell: (run) => <span className="tabular">{duration(run.queueMs)}</span>,
  },
  {
    key: 'started',
    header: 'Started',
    align: 'right',
    className: 'hidden md:table-cell',
    cell: (run) => <span className="text-muted">{exactTime(new Date(run.createdAt))}</span>,
  },
];

/** The range's slowest runs, each linked to its page on GitHub. */
export function SlowestRunsTable({
  runs,
  caption,
}: {
  runs: readonly CiSlowRun[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      captionHidden={false}
      columns={COLUMNS}
      rows={runs}
      rowKey={(run) => run.id}
      testId="ci-slowest-runs"
    />
  );
}
