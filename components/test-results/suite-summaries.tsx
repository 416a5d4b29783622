import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import type { SuiteSummary } from '@/lib/domain/test-runs';
import { duration, pct } from '@/lib/format';
import { RelativeTime } from '@/components/ui/relative-time';
import { TestCounts } from './test-counts';
import { SUITE_LABEL } from './suite-label';

/** One card per suite: the production branch's latest run, its coverage and its recent record. */
export function SuiteSummaries({
  suites,
  days,
  now,
}: {
  suites: readonly SuiteSummary[];
  days: number;
  now: Date;
}) {
  return (
    <ul className="mb-6 grid gap-4 md:grid-cols-3" aria-label="Suites">
      {suites.map((suite) => {
        const run = suite.latestRun;
        return (
          <li
            key={suite.suite}
            className="rounded-lg border border-border bg-surface p-4 shadow-xs"
            data-testid={`suite-${suite.suite}`}
          >
            <div className="flex items-center justify-between gap-2">
              <h2 className="text-sm font-semibold">{SUITE_LABEL[suite.suite]}</h2>
              {run ? <StatusBadge status={run.status} /> : null}
            </div>
            {run ? (
              <>
                <p className="mt-2 text-2xl font-semibold tracking-tight tabular">
                  {run.coveragePct === null ? run.total : pct(run.coveragePct, 1)}
                  <span className="ml-1 text-xs font-normal text-muted">
                    {run.coveragePct === null ? 'tests (no coverage reported)' : 'coverage'}
                  </span>
                </p>
                <div className="mt-1">
                  <TestCounts run={run} />
                </div>
                <p className="mt-2 text-xs text-muted">
                  Latest on <span className="font-mono">{suite.branch}</span>:{' '}
                  <Link href={`/tests/runs/${run.id}`} className="text-accent hover:underline">
                    run #{run.id}
                  </Link>
                  , <RelativeTime date={run.startedAt} now={now} />, {duration(run.durationMs)}
                </p>
                <p className="text-xs text-muted">
                  {suite.failedRunsInWindow} of {suite.runsInWindow} runs failed in {days} days
                </p>
              </>
            ) : (
              <p className="mt-2 text-sm text-muted">
                No run on <span className="font-mono">{suite.branch}</span> yet.
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
