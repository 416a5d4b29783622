import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getTestMetrics } from '@/db/queries/test-series';
import { chartRangeSchema } from '@/lib/domain/chart-range';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ range: chartRangeSchema });

/** GET /api/v1/metrics/tests?range — per suite: pass rate, flaky tests, coverage and test count. */
export const GET = jsonRoute(querySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const data = await getTestMetrics(db, project.id, { range: query.range, now: new Date() });
  return { data };
});
