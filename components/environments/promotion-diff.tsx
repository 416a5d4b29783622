import { StatusBadge } from '@/components/ui/status-badge';
import type { PromotionDiff } from '@/lib/domain/promotion-diff';
import { counted, shortSha } from '@/lib/format';

/**
 * What staging adds over production: commits with their pull requests, migration files, and
 * the test runs on staging's commit. `compact` for the promote dialog, full on staging's page.
 */
export function PromotionDiffView({
  diff,
  productionName,
  compact = false,
}: {
  diff: PromotionDiff;
  productionName: string;
  compact?: boolean;
}) {
  if (diff.state === 'unavailable') {
    return (
      <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        What staging adds over {productionName} cannot be shown right now: {diff.reason}
      </p>
    );
  }
  if (diff.state === 'same') {
    return (
      <p className="text-sm text-muted" data-testid="promotion-diff-empty">
        Staging serves the same commit as {productionName} ({shortSha(diff.headSha)}): nothing to
        promote.
      </p>
    );
  }
  const commits = compact ? diff.commits.slice(-5) : diff.commits;
  const hidden = diff.commits.length - commits.length + diff.unlisted;
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="promotion-diff">
      <section>
        <h3 className="font-semibold text-ink">
          {counted(diff.commits.length + diff.unlisted, 'commit')} not on {productionName}{' '}
          <a href={diff.htmlUrl} className="text-xs font-normal text-accent hover:underline">
            compare on GitHub
          </a>
        </h3>
        <ul className="mt-1 flex flex-col gap-1">
          {commits.map((commit) => (
            <li key={commit.sha} className="flex min-w-0 items-baseline gap-2">
              <a href={commit.htmlUrl} className="shrink-0 font-mono text-xs text-accent">
                {shortSha(commit.sha)}
              </a>
              <span className="truncate text-ink" title={commit.title}>
                {commit.title}
              </span>
              {commit.pullRequest ? (
                <a
                  href={commit.pullRequest.htmlUrl ?? undefined}
                  className="shrink-0 text-xs text-muted hover:underline"
                  title={commit.pullRequest.title}
                >
                  PR #{commit.pullRequest.number}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
        {hidden > 0 ? <p className="text-xs text-muted">and {hidden} more</p> : null}
      </section>
      <section>
        <h3 className="font-semibold text-ink">Migrations</h3>
        {diff.migrations.length > 0 ? (
          <ul className="mt-1 font-mono text-xs text-ink" data-testid="promotion-migrations">
            {diff.migrations.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">No migration files change.</p>
        )}
      </section>
      <section>
        <h3 className="font-semibold text-ink">Tests on {shortSha(diff.headSha)}</h3>
        {diff.testRuns.length > 0 ? (
          <ul className="mt-1 flex flex-wrap gap-2">
            {diff.testRuns.map((run) => (
              <li key={run.id} className="flex items-center gap-1 text-xs">
                <span className="text-ink">{run.suite}</span>
                <StatusBadge status={run.status} />
                <span className="text-muted">
                  {run.passed} passed, {run.failed} failed
                  {run.flaky ? `, ${run.flaky} flaky` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">No test reports on this commit yet.</p>
        )}
      </section>
    </div>
  );
}
