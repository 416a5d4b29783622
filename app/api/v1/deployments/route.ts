import { getDatabase } from '@/db/client';
import { listDeployments } from '@/db/queries/deployments';
import { deploymentsQuerySchema } from '@/lib/filters/deployments';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

/** GET /api/v1/deployments?environment&target&state&branch&author&sort&cursor&limit */
export const GET = jsonRoute(deploymentsQuerySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const { cursor, limit, ...filters } = query;
  const page = await listDeployments(db, project.id, filters, { cursor, limit });
  return { data: page.rows, nextCursor: page.nextCursor };
});
