'use client';

import { type ReactNode, useState } from 'react';
import type { ChartTableData } from './chart-table';

/**
 * A chart with its "Chart | Table" switch. The frame reserves the chart's height before the
 * lazy chart code arrives; the table shows the same numbers for screen readers and copying.
 */
export function ChartPanel({
  height,
  table,
  children,
}: {
  height: number;
  table: ChartTableData;
  children: ReactNode;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <div data-chart-view={view}>
      <div role="group" aria-label="Show as" className="mb-2 flex justify-end gap-1 text-xs">
        {(['chart', 'table'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={view === option}
            onClick={() => setView(option)}
            className={`rounded px-2 py-0.5 font-medium capitalize ${
              view === option ? 'bg-subtle text-ink' : 'text-muted hover:text-ink'
            }`}
          >
            {option}
          </button>
        ))}
      </div>
      {view === 'chart' ? (
        <div style={{ height }} data-testid="chart-frame">
          {children}
        </div>
      ) : (
        <div className="overflow-x-auto" style={{ minHeight: height }}>
          <table className="w-full text-sm" data-testid="chart-table">
            <caption className="sr-only">{table.caption}</caption>
            <thead>
              <tr className="border-b border-border text-left text-xs text-muted">
                {table.columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={`px-2 py-1 font-medium ${column.numeric ? 'text-right' : ''}`}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index} className="border-b border-border last:border-0">
                  {table.columns.map((column) => (
                    <td
                      key={column.key}
                      className={`px-2 py-1 ${column.numeric ? 'text-right tabular' : ''}`}
                    >
                      {row[column.key] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
