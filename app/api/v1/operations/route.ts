import { getDatabase } from '@/db/client';
import { listFollowedOperations } from '@/db/queries/followed-operations';
import { followedOperationsQuerySchema } from '@/lib/filters/operations';
import { jsonRoute } from '@/lib/http/json-route';
import { operationsPostRoute } from '@/lib/http/operations-post';
import { progressOf } from '@/lib/operations/progress';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/v1/operations?environment=1,2&since=…: the progress of every operation holding one
 * of these environments, and of those that ended since `since`, which every tab showing the
 * environments polls. Any signed-in member may read it; only the member's project's operations
 * are answered, so another project's environment id finds nothing.
 */
export const GET = jsonRoute(followedOperationsQuerySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const rows = await listFollowedOperations(
    db,
    actor.projectId,
    query.environment,
    query.since ?? new Date(),
  );
  return { data: await progressOf(db, rows) };
});

/**
 * POST /api/v1/operations `{ kind, deploymentId | environmentId, reason, restoreDatabase?,
 * requestKey? }`: request a promotion, rollback, reseed or delete as the board's buttons do,
 * with an `operate` API token or a session. 202 with the operation's progress (a promotion waits
 * for a release manager's approval); follow it at GET /api/v1/operations/[id].
 */
export const POST = operationsPostRoute;
