import { StatusBadge } from '@/components/ui/status-badge';

/** One check's outcome as the doctor reports it. */
interface SetupCheck {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

/** The doctor's checks as a list: a word and a colour each, and the fix under every failure. */
export function SetupChecks({ results }: { results: readonly SetupCheck[] }) {
  const failing = results.filter((result) => !result.ok).length;
  return (
    <section aria-label="Checks" className="grid gap-3">
      <p role="status" className="text-sm text-muted" data-testid="setup-summary">
        {failing === 0
          ? `All ${results.length} checks pass.`
          : `${failing} of ${results.length} checks fail.`}
      </p>
      <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
        {results.map((result) => (
          <li
            key={result.name}
            className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr] sm:gap-4"
            data-testid="setup-check"
            data-ok={result.ok}
          >
            <div className="flex items-start">
              <StatusBadge status={result.ok ? 'passed' : 'failed'}>
                {result.ok ? '✓ Pass' : '✗ Fail'}
              </StatusBadge>
            </div>
            <div className="min-w-0 text-sm">
              <p className="font-medium text-ink">{result.name}</p>
              <p className="break-words text-muted">{result.detail}</p>
              {result.fix ? (
                <p className="mt-1 break-words text-ink">
                  <span className="font-medium">Fix: </span>
                  {result.fix}
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
