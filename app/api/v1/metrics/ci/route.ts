import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getCiMetrics } from '@/db/queries/ci-series';
import { chartRangeSchema } from '@/lib/domain/chart-range';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  range: chartRangeSchema,
  /** Weekly rows for 7d–90d; 12m is always weekly. */
  grain: z.enum(['day', 'week']).optional(),
});

/** GET /api/v1/metrics/ci?range&grain — per workflow: runs, success rate, duration and queue p50/p95; the slowest runs. */
export const GET = jsonRoute(querySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const data = await getCiMetrics(db, project.id, { ...query, now: new Date() });
  return { data };
});
