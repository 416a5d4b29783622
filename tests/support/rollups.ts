import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

/**
 * Recomputes every rollup over all days for every project, as the migration's backfill does: for
 * tests that write raw rows with SQL, past the write functions that keep the rollups. Uptime
 * is recomputed for today too; readers use today's raw checks and ignore a stored today.
 */
export async function backfillRollups(db: Database): Promise<void> {
  await db.execute(sql`
    select envboard_rollup_uptime(id, '1970-01-01', '2999-12-31'),
      envboard_rollup_deployments(id, '1970-01-01', '2999-12-31'),
      envboard_rollup_tests(id, '1970-01-01', '2999-12-31'),
      envboard_rollup_ci(id, '1970-01-01', '2999-12-31')
    from projects`);
}
