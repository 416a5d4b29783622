'use client';

// A table's client boundary: its rows reach the browser as data (see DataTable).
import { StatusBadge } from '@/components/ui/status-badge';
import type { TestCaseDetail } from '@/lib/domain/test-runs';
import { duration, testPath } from '@/lib/format';

/** Failed or flaky cases of a run, each with the message it failed with. */
export function TestCaseList({
  title,
  cases,
  testId,
}: {
  title: string;
  cases: readonly TestCaseDetail[];
  testId: string;
}) {
  if (cases.length === 0) return null;
  return (
    <section className="mb-6" data-testid={testId}>
      <h2 className="mb-2 text-sm font-semibold">
        {title} <span className="font-normal text-muted">({cases.length})</span>
      </h2>
      <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
        {cases.map((testCase) => (
          <li key={testCase.id} className="px-4 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={testCase.status} />
              <span className="font-medium text-ink">{testPath(testCase.name)}</span>
              <span className="ml-auto text-xs text-muted tabular">
                {duration(testCase.durationMs)}
                {testCase.retries > 0
                  ? ` · ${testCase.retries} retr${testCase.retries === 1 ? 'y' : 'ies'}`
                  : ''}
              </span>
            </div>
            <p className="mt-0.5 font-mono text-xs text-muted">{testCase.file}</p>
            {testCase.failureMessage ? (
              <pre className="mt-2 overflow-x-auto rounded-md bg-subtle px-3 py-2 font-mono text-xs whitespace-pre-wrap text-ink">
                {testCase.failureMessage}
              </pre>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
