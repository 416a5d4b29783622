import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNeon } from 'drizzle-orm/neon-serverless/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client';
import journal from './migrations/meta/_journal.json';

export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'db/migrations');

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // Each driver has its own migrator; they share drizzle's bookkeeping table.
  const db = handle.db as never;
  if (handle.driver === 'pglite') await migratePglite(db, config);
  else if (handle.driver === 'neon') await migrateNeon(db, config);
  else await migratePg(db, config);
}

export interface MigrationStatus {
  applied: number;
  expected: number;
  current: boolean;
}

export async function migrationStatus(handle: DatabaseHandle): Promise<MigrationStatus> {
  const expected = journal.entries.length;
  const applied = await handle.db
    .execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`)
    .then((result) => Number(firstRow(result)?.applied ?? 0))
    // No bookkeeping table yet: nothing has been applied.
    .catch(() => 0);
  return { applied, expected, current: applied === expected };
}

/** node-postgres and PGlite return `{ rows }`; keep callers independent of the driver. */
export function firstRow(result: unknown): Record<string, unknown> | undefined {
  const rows = (result as { rows?: Record<string, unknown>[] }).rows;
  return rows?.[0];
}
