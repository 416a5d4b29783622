import { StatusBadge } from '@/components/ui/status-badge';
import type { TestSummary as Summary } from '@/lib/domain/previews';
import { count } from '@/lib/format';

const SUITE_LABEL = { unit: 'unit', integration: 'integration', e2e: 'e2e' } as const;

/** The verdict as a badge, then the counts and which suite's latest run failed. */
export function TestSummary({ summary }: { summary: Summary }) {
  if (summary.verdict === 'none') return <span className="text-xs text-faint">No runs yet</span>;
  const failing = summary.suites.filter((suite) => suite.status === 'failed');
  return (
    <div className="flex flex-col items-start gap-1">
      <StatusBadge status={summary.verdict} />
      <span className="flex flex-wrap gap-x-2 text-xs tabular">
        <span className="text-muted">{count(summary.passed)} passed</span>
        {summary.failed > 0 ? (
          <span className="font-medium text-red-700">{count(summary.failed)} failed</span>
        ) : null}
        {summary.flaky > 0 ? (
          <span className="font-medium text-amber-700">{count(summary.flaky)} flaky</span>
        ) : null}
      </span>
      {failing.length > 0 ? (
        <span className="text-xs text-muted">
          in {failing.map((suite) => SUITE_LABEL[suite.suite]).join(', ')}
        </span>
      ) : null}
    </div>
  );
}
