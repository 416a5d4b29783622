import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** Recomputes every rollup of every project over all time, as migration 0006's backfill does. */
export async function backfillRollups(db: Database): Promise<void> {
  await db.execute(sql`
    select envboard_rollup_uptime(id, '1970-01-01', '2999-12-31'),
      envboard_rollup_deployments(id, '1970-01-01', '2999-12-31'),
      envboard_rollup_tests(id, '1970-01-01', '2999-12-31'),
      envboard_rollup_ci(id, '1970-01-01', '2999-12-31')
    from projects`);
}
