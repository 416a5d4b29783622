import 'server-only';
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import type { Database } from '../client';
import { type Operation, operations } from '../schema';
import { ACTIVE_OPERATION_STATES } from './operation-locks';

/** At most this many operations are answered at once; a page shows few environments. */
const FOLLOWED_LIMIT = 50;

/**
 * The operations a page showing these environments follows: those holding an environment's lock
 * (requested, approved or running), and those that ended after `since` (when the page was drawn),
 * so a tab that missed the run still hears how it ended. Only the project's own.
 */
export async function listFollowedOperations(
  db: Database,
  projectId: number,
  environmentIds: readonly number[],
  since: Date,
): Promise<Operation[]> {
  if (environmentIds.length === 0) return [];
  return db
    .select()
    .from(operations)
    .where(
      and(
        eq(operations.projectId, projectId),
        inArray(operations.environmentId, [...new Set(environmentIds)]),
        or(
          inArray(operations.state, [...ACTIVE_OPERATION_STATES]),
          gt(operations.finishedAt, since),
        ),
      ),
    )
    .orderBy(asc(operations.id))
    .limit(FOLLOWED_LIMIT);
}
