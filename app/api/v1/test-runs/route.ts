import { getDatabase } from '@/db/client';
import { listTestRuns } from '@/db/queries/tests';
import { testRunsQuerySchema } from '@/lib/filters/test-runs';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';
import { testRunUploadRoute } from '@/lib/test-reports/upload-route';

export const dynamic = 'force-dynamic';

/** GET /api/v1/test-runs?suite&status&branch&cursor&limit */
export const GET = jsonRoute(testRunsQuerySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const { cursor, limit, ...filters } = query;
  const page = await listTestRuns(db, project.id, filters, { cursor, limit });
  return { data: page.rows, nextCursor: page.nextCursor };
});

/**
 * POST /api/v1/test-runs?commit&branch&suite&pr&deployment&environment&coverage&run_id
 * (or X-Envboard-* headers): a JUnit XML or Playwright JSON report, with the project's upload
 * token as `Authorization: Bearer <token>`.
 */
export const POST = testRunUploadRoute();
