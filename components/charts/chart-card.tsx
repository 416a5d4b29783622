import type { ReactNode } from 'react';
import { ChartPanel } from './chart-panel';
import type { ChartTableData } from './chart-table';

/**
 * One chart answering one question: the question is the title, today's answer sits beside it
 * ("Spend this month — $16.95 of $100"). Without data it says why and what would fill it, in
 * the height the chart would take.
 */
export function ChartCard({
  title,
  answer,
  actions,
  height = 240,
  table,
  empty,
  testId,
  children,
}: {
  title: string;
  answer?: ReactNode;
  actions?: ReactNode;
  height?: number;
  table: ChartTableData;
  /** Set when there is nothing to draw: why, and what would fill it. */
  empty?: { title: string; reason: ReactNode } | null;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section
      className="flex flex-col rounded-lg border border-border bg-surface shadow-xs"
      data-testid={testId}
      aria-label={title}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-border px-4 py-2.5">
        <h2 className="text-sm font-semibold text-ink">
          {title}
          {answer ? <span className="font-normal text-muted"> — {answer}</span> : null}
        </h2>
        {actions ? <div className="flex items-center gap-2 text-xs">{actions}</div> : null}
      </header>
      <div className="p-4">
        {empty ? (
          <div
            className="flex flex-col items-center justify-center gap-1 rounded-md border border-dashed border-border-strong px-6 text-center"
            style={{ height }}
            data-testid="chart-empty"
          >
            <p className="text-sm font-semibold text-ink">{empty.title}</p>
            <p className="max-w-prose text-sm text-muted">{empty.reason}</p>
          </div>
        ) : (
          <ChartPanel height={height} table={table}>
            {children}
          </ChartPanel>
        )}
      </div>
    </section>
  );
}
