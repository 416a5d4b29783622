import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getOperation } from '@/db/queries/operation-records';
import { errorResponse, HttpError, jsonRoute } from '@/lib/http/json-route';
import { progressOf } from '@/lib/operations/progress';
import { rowIdSchema } from '@/lib/domain/row-id';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/operations/[id]: one operation's state, step and outcome, which the board polls
 * while an operation runs. Any signed-in member may read it; an operation of another project is
 * not found.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const id = rowIdSchema.safeParse((await context.params).id);
  if (!id.success) {
    return errorResponse(
      400,
      'invalid_id',
      'The operation id must be a whole number from 1 to 2147483647.',
    );
  }
  return jsonRoute(z.object({}), async ({ actor }) => {
    const db = getDatabase();
    const operation = await getOperation(db, id.data);
    if (!operation || operation.projectId !== actor.projectId) {
      throw new HttpError(404, 'not_found', 'That operation does not exist.');
    }
    const [progress] = await progressOf(db, [operation]);
    return { data: progress };
  })(request);
}
