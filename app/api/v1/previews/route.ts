import { getDatabase } from '@/db/client';
import { listPreviews } from '@/db/queries/previews';
import { previewsQuerySchema } from '@/lib/filters/previews';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

/** GET /api/v1/previews?tab&author&state&cursor&limit */
export const GET = jsonRoute(previewsQuerySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const { cursor, limit, ...filters } = query;
  const page = await listPreviews(db, project.id, filters, { cursor, limit });
  return { data: page.rows, nextCursor: page.nextCursor };
});
