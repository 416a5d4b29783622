import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { refreshAllRollups } from '../../db/rollups/refresh';

/**
 * Recomputes every rollup over all days for every project, as the migration's backfill does: for
 * tests that write raw rows with SQL, past the write functions that keep the rollups.
 */
export async function backfillRollups(db: Database, now = new Date()): Promise<void> {
  const projects = (await db.execute(sql`select id from projects`)) as unknown as {
    rows: { id: number }[];
  };
  for (const { id } of projects.rows) await refreshAllRollups(db, Number(id), now);
}
