import { type SQL, sql } from 'drizzle-orm';

/**
 * Raw `db.execute` results differ by driver: node-postgres, Neon and PGlite all return `{ rows }`,
 * but timestamps come back as Date or string depending on the driver's parsers. The raw queries
 * here select epoch milliseconds instead, so these helpers only need to handle numbers.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}

export function dateFromMs(value: unknown): Date {
  return new Date(Number(value));
}

export function dateFromMsOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(Number(value));
}

export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A timestamp parameter every driver binds the same way. */
export function timestampParam(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}
