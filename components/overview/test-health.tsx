import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { FailingTest, FlakyTest } from '@/lib/domain/test-runs';
import { percent, testPath } from '@/lib/format';

const SUITE_LABEL = { unit: 'Unit', integration: 'Integration', e2e: 'E2E' } as const;

/** Tests failing on the production branch now, then the flakiest tests of the window. */
export function TestHealth({
  failing,
  flaky,
  branch,
  days,
}: {
  failing: readonly FailingTest[];
  flaky: readonly FlakyTest[];
  branch: string;
  days: number;
}) {
  return (
    <Card title="Failing and flaky tests" href="/tests" testId="test-health">
      <h3 className="mb-2 text-xs font-medium text-muted">
        Failing on <span className="font-mono">{branch}</span> now
      </h3>
      {failing.length === 0 ? (
        <p className="mb-4 text-sm text-emerald-700">
          Nothing failing in the latest run of each suite.
        </p>
      ) : (
        <ul className="mb-4 flex flex-col gap-1.5" data-testid="failing-list">
          {failing.map((test) => (
            <li key={`${test.runId}-${test.file}-${test.name}`} className="min-w-0 text-sm">
              <Link
                href={`/tests/runs/${test.runId}`}
                className="block truncate font-medium text-red-800 hover:underline"
                title={testPath(test.name)}
              >
                {testPath(test.name)}
              </Link>
              <span className="block truncate text-xs text-muted">
                {SUITE_LABEL[test.suite]} · <span className="font-mono">{test.file}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-2 flex justify-between text-xs font-medium text-muted">
        <span>Flakiest in {days} days</span>
        <Link href="/tests/flaky" className="text-accent hover:underline">
          All flaky
        </Link>
      </h3>
      {flaky.length === 0 ? (
        <p className="text-sm text-muted">No test needed a retry.</p>
      ) : (
        <ul className="flex flex-col gap-1.5" data-testid="flaky-list">
          {flaky.map((test) => (
            <li key={`${test.suite}-${test.name}`} className="flex items-baseline gap-2 text-sm">
              <span className="min-w-0 flex-1 truncate" title={testPath(test.name)}>
                {testPath(test.name)}
              </span>
              <span className="shrink-0 text-xs font-medium text-amber-700 tabular">
                {percent(test.flakeRate, 0)} flaky
              </span>
              <span className="shrink-0 text-xs text-muted tabular">
                {test.flakyRuns}/{test.totalRuns}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
