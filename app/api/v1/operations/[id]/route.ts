import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getOperation } from '@/db/queries/operation-records';
import { HttpError, jsonRoute } from '@/lib/http/json-route';
import { progressOf } from '@/lib/operations/progress';
import { parseRowId } from '@/lib/domain/row-id';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/operations/[id]: one operation's state, step and outcome, which the board polls
 * while an operation runs. Any signed-in member may read it; an operation of another project,
 * and an id no operation can have (`abc`, `0x1`, beyond the integer range), are not found.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const segment = (await context.params).id;
  return jsonRoute(z.object({}), async ({ actor }) => {
    const db = getDatabase();
    const id = parseRowId(segment);
    const operation = id === undefined ? undefined : await getOperation(db, id);
    if (!operation || operation.projectId !== actor.projectId) {
      throw new HttpError(404, 'not_found', 'No operation of this project has that id.');
    }
    const [progress] = await progressOf(db, [operation]);
    return { data: progress };
  })(request);
}
