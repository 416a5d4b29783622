import { RelativeTime } from '@/components/ui/relative-time';
import { Stat, StatGrid } from '@/components/ui/stat';
import type { TestRunDetail } from '@/lib/domain/test-runs';
import { count, duration, pct, shortSha } from '@/lib/format';

/** The run's figures and where it came from. */
export function TestRunSummary({ run, now }: { run: TestRunDetail; now: Date }) {
  return (
    <div className="mb-6 rounded-lg border border-border bg-surface p-4 shadow-xs">
      <StatGrid className="lg:grid-cols-6">
        <Stat label="Tests" value={count(run.total)} />
        <Stat label="Passed" value={count(run.passed)} tone="good" />
        <Stat label="Failed" value={count(run.failed)} tone={run.failed > 0 ? 'bad' : 'default'} />
        <Stat label="Flaky" value={count(run.flaky)} tone={run.flaky > 0 ? 'warn' : 'default'} />
        <Stat label="Skipped" value={count(run.skipped)} />
        <Stat
          label="Coverage"
          value={run.coveragePct === null ? '—' : pct(run.coveragePct, 1)}
          hint={run.coveragePct === null ? 'not reported by this suite' : undefined}
        />
      </StatGrid>
      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        <span>
          Branch <span className="font-mono text-ink">{run.branch}</span>
        </span>
        <span>
          Commit{' '}
          <code className="font-mono text-ink" title={run.commitSha}>
            {shortSha(run.commitSha)}
          </code>
        </span>
        {run.pullRequestNumber ? <span>PR #{run.pullRequestNumber}</span> : null}
        {run.workflowName ? <span>Workflow {run.workflowName}</span> : null}
        <span>
          Started <RelativeTime date={run.startedAt} now={now} />
        </span>
        <span>Took {duration(run.durationMs)}</span>
        {run.ciRunUrl ? (
          <a href={run.ciRunUrl} className="text-accent hover:underline" rel="noreferrer">
            CI run on GitHub
          </a>
        ) : null}
      </p>
    </div>
  );
}
