import { getDatabase } from '@/db/client';
import { listEnvironments } from '@/db/queries/environments';
import { environmentsQuerySchema } from '@/lib/filters/environments';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

/** GET /api/v1/environments?kind&deleted&cursor&limit */
export const GET = jsonRoute(environmentsQuerySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const { cursor, limit, ...filters } = query;
  const page = await listEnvironments(db, project.id, filters, { cursor, limit });
  // The sort rank is how the cursor pages, not part of the resource.
  return { data: page.rows.map(({ kindRank: _, ...row }) => row), nextCursor: page.nextCursor };
});
