import { type AnyColumn, is, Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Cursor } from '@/lib/paging';

/** A page request as the queries take it: the decoded cursor of the last row seen, and a size. */
export interface PageRequest {
  cursor?: Cursor;
  limit: number;
}

/** A cursor's two values, or the placeholders a compiled statement fills them in through. */
export type CursorValues = Cursor | readonly [Placeholder, Placeholder];

/**
 * Rows after the cursor in a `(sortColumn desc, id desc)` order, as one row comparison so the
 * index on the same columns answers it. Timestamps are compared at millisecond precision, the
 * precision providers report them in.
 */
export function afterCursor(
  sortColumn: AnyColumn,
  idColumn: AnyColumn,
  cursor: CursorValues | undefined,
  kind: 'timestamp' | 'number',
): SQL | undefined {
  if (!cursor) return undefined;
  const [value, id] = cursor;
  const given = is(value, Placeholder);
  const bound =
    kind === 'timestamp'
      ? sql`${given ? value : String(value)}::timestamptz`
      : sql`${given ? value : Number(value)}`;
  return sql`(${sortColumn}, ${idColumn}) < (${bound}, ${id})`;
}

/**
 * A page request as the values a compiled list statement takes: the cursor's two values (see
 * cursorPlaceholders) and one row more than the page, which only says a next page exists.
 */
export function pageValues(page: PageRequest, kind: 'timestamp' | 'number') {
  const limit = page.limit + 1;
  if (!page.cursor) return { limit };
  const [value, id] = page.cursor;
  return { cursorValue: kind === 'timestamp' ? String(value) : Number(value), cursorId: id, limit };
}

/** A list's filters as a compiled statement's values: an empty filter is no filter. */
export function givenFilters<Filters extends object>(
  filters: Filters,
): { [Key in keyof Filters]?: Exclude<Filters[Key], ''> } {
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [key, value === '' ? undefined : value]),
  ) as { [Key in keyof Filters]?: Exclude<Filters[Key], ''> };
}

/** The placeholders for pageValues' cursor in a compiled statement, when the shape has a cursor. */
export function cursorPlaceholders(values: {
  cursorValue?: Placeholder;
  cursorId?: Placeholder;
}): readonly [Placeholder, Placeholder] | undefined {
  return values.cursorValue && values.cursorId ? [values.cursorValue, values.cursorId] : undefined;
}

/**
 * `column DESC NULLS LAST`: the order drizzle-kit gives an index column declared `.desc()`.
 * A plain `ORDER BY column DESC` means NULLS FIRST in Postgres, which such an index cannot serve
 * (the planner falls back to sorting the whole table) even when the column is NOT NULL.
 */
export function descNullsLast(column: AnyColumn): SQL {
  return sql`${column} desc nulls last`;
}
