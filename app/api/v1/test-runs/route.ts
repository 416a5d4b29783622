import { getDb } from '@/db/client';
import { listTestRuns } from '@/db/queries/tests';
import { testRunsQuerySchema } from '@/lib/filters/test-runs';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

/** GET /api/v1/test-runs?suite&status&branch&cursor&limit */
export const GET = jsonRoute(testRunsQuerySchema, async ({ query }) => {
  const db = getDb();
  const project = await requireProject(db);
  const { cursor, limit, ...filters } = query;
  const page = await listTestRuns(db, project.id, filters, { cursor, limit });
  return { data: page.rows, nextCursor: page.nextCursor };
});
