import type { ReactNode } from 'react';

export interface Column<Row> {
  /** Stable key for React; also the default test id of the cell. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: 'left' | 'right' | 'center';
  /** Extra classes for header and cells, e.g. a width or `hidden xl:table-cell`. */
  className?: string;
}

const ALIGN = { left: 'text-left', right: 'text-right', center: 'text-center' } as const;

/** Padding, type and row hover come from `.data-table` in globals.css; cells add alignment. */
const cellClass = <Row,>(column: Column<Row>) =>
  column.className
    ? `${ALIGN[column.align ?? 'left']} ${column.className}`
    : ALIGN[column.align ?? 'left'];

/**
 * An accessible table: a caption (visible or for screen readers only), column headers with
 * scope, and the first column as the row header so a screen reader names each row.
 *
 * A list of any length renders its table inside a client component (the file marked
 * 'use client' that builds the columns), not straight from a server component. Rendered on the
 * server, each cell's elements would be serialized into the page's RSC payload, then parsed back
 * to render the HTML: for 25 rows that doubled the server's render time and the bytes sent.
 * From a client boundary only the rows' data is serialized.
 */
export function DataTable<Row>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  empty,
  testId,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Shown in place of the table when there are no rows. */
  empty?: ReactNode;
  testId?: string;
}) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="data-table w-full border-collapse text-sm" data-testid={testId}>
        <caption
          className={
            captionHidden
              ? 'sr-only'
              : 'px-4 pt-3 pb-2 text-left text-xs font-medium tracking-wide text-muted uppercase'
          }
        >
          {caption}
        </caption>
        <thead className="border-b border-border bg-subtle/60">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const Cell = index === 0 ? 'th' : 'td';
                return (
                  <Cell
                    key={column.key}
                    scope={index === 0 ? 'row' : undefined}
                    className={cellClass(column)}
                  >
                    {column.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
