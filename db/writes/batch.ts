import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../client';

/** Postgres caps a statement at 65,535 parameters; inserts go in slices well below that. */
export function chunk<T>(rows: readonly T[], size = 500): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    slices.push(rows.slice(start, start + size));
  }
  return slices;
}

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Bulk insert that ships each slice as one JSON parameter and lets Postgres unpack it with the
 * table's own row type (`json_populate_recordset`): plain, portable SQL. PGlite spends most of
 * a many-row insert binding parameters, so this is about three times faster there for big
 * backfills (test cases, uptime checks). Missing or undefined values become NULL: pass every
 * column a row needs, defaults included.
 */
export async function insertAsJson(
  db: Database,
  table: PgTable,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  { onConflictDoNothing = false } = {},
): Promise<void> {
  const names = columns.map(snakeCase);
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  for (const slice of chunk(rows, 5000)) {
    const payload = JSON.stringify(
      slice.map((row) => Object.fromEntries(columns.map((key, i) => [names[i], row[key] ?? null]))),
    );
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${payload}::json) ${
        onConflictDoNothing ? sql`on conflict do nothing` : sql``
      }`,
    );
  }
}
