import { and, eq, isNull, or, ne } from 'drizzle-orm';
import type { Database } from '../client';
import { environments } from '../schema';

/**
 * Points an environment at the database branch it uses. Returns whether the link changed, so a
 * sync that finds everything linked already counts no change.
 */
export async function linkEnvironmentToDbBranch(
  db: Database,
  environmentId: number,
  dbBranchId: number,
): Promise<boolean> {
  const changed = await db
    .update(environments)
    .set({ dbBranchId })
    .where(
      and(
        eq(environments.id, environmentId),
        or(isNull(environments.dbBranchId), ne(environments.dbBranchId, dbBranchId)),
      ),
    )
    .returning({ id: environments.id });
  return changed.length > 0;
}
