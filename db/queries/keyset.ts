import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Cursor } from '@/lib/paging';

/** A page request as the queries take it: the decoded cursor of the last row seen, and a size. */
export interface PageRequest {
  cursor?: Cursor;
  limit: number;
}

/**
 * Rows after the cursor in a `(sortColumn desc, id desc)` order, as one row comparison so the
 * index on the same columns answers it. Timestamps are compared at millisecond precision, the
 * precision providers report them in.
 */
export function afterCursor(
  sortColumn: AnyColumn,
  idColumn: AnyColumn,
  cursor: Cursor | undefined,
  kind: 'timestamp' | 'number',
): SQL | undefined {
  if (!cursor) return undefined;
  const [value, id] = cursor;
  const bound = kind === 'timestamp' ? sql`${String(value)}::timestamptz` : sql`${Number(value)}`;
  return sql`(${sortColumn}, ${idColumn}) < (${bound}, ${id})`;
}

/**
 * `column DESC NULLS LAST`: the order drizzle-kit gives an index column declared `.desc()`.
 * A plain `ORDER BY column DESC` means NULLS FIRST in Postgres, which such an index cannot serve
 * (the planner falls back to sorting the whole table) even when the column is NOT NULL.
 */
export function descNullsLast(column: AnyColumn): SQL {
  return sql`${column} desc nulls last`;
}
