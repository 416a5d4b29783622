import { z } from 'zod';
import { MAX_ROW_ID } from '@/lib/domain/row-id';

/**
 * Keyset pagination shared by pages and the JSON API: a cursor is the sort key and id of the last
 * row seen, so page 500 costs what page 1 costs.
 */
export interface Page<Row> {
  rows: Row[];
  nextCursor: string | null;
}

/**
 * What encodeCursor writes: a time (ISO) or a number (a duration, a rank) and a row id. Anything
 * else, e.g. a hand-made cursor with an id beyond the integer column, never reaches a query. The
 * id may be negative: the audit log lists each approval decision under its id negated, beside
 * the operations' own ids.
 */
const cursorSchema = z.tuple([
  z.union([z.iso.datetime(), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]),
  z.number().int().min(-MAX_ROW_ID).max(MAX_ROW_ID),
]);
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(sortValue: string | number | Date, id: number): string {
  const value = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** Undefined for no cursor; throws a ZodError for a cursor that was not made by encodeCursor. */
export function decodeCursor(cursor: string | undefined | null): Cursor | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  return cursorSchema.parse(parsed);
}

/** Query `limit + 1` rows, then hand them here: the extra row only says a next page exists. */
export function toPage<Row>(rows: Row[], limit: number, cursorOf: (row: Row) => string): Page<Row> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { rows: pageRows, nextCursor: hasMore && last ? cursorOf(last) : null };
}

export const pageLimitSchema = z.coerce.number().int().min(1).max(200).default(25);
