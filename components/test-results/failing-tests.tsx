import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { FailingTest } from '@/lib/domain/test-runs';
import { SUITE_LABEL } from './suite-label';
import { testPath } from '@/lib/format';

/** Tests failing in the latest run of their suite on the production branch. */
export function FailingTests({ tests, branch }: { tests: readonly FailingTest[]; branch: string }) {
  if (tests.length === 0) return null;
  return (
    <Card
      title={`Failing on ${branch} now (${tests.length})`}
      className="mb-6"
      testId="failing-tests"
    >
      <ul className="divide-y divide-border">
        {tests.map((test) => (
          <li key={`${test.runId}-${test.file}-${test.name}`} className="py-2 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium text-red-800">{testPath(test.name)}</span>
              <span className="text-xs text-muted">
                {SUITE_LABEL[test.suite]} ·{' '}
                <Link href={`/tests/runs/${test.runId}`} className="text-accent hover:underline">
                  run #{test.runId}
                </Link>
              </span>
            </div>
            <p className="font-mono text-xs text-muted">{test.file}</p>
            {test.failureMessage ? (
              <p className="mt-1 line-clamp-2 font-mono text-xs text-ink">{test.failureMessage}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
