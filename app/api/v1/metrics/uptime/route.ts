import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getUptimeMetrics } from '@/db/queries/uptime-metrics';
import { chartRangeSchema } from '@/lib/domain/chart-range';
import { HttpError, jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  range: chartRangeSchema,
  environment: z.string().trim().min(1).max(100).default('production'),
});

/**
 * GET /api/v1/metrics/uptime?range=7d|30d|90d|12m&environment=<slug>: the series the uptime
 * charts draw for one environment (production unless named): availability by day (by week for
 * 12m), incidents, latency p50/p95 over 24 h, 7 d and 30 d, the 30-day error budget and the
 * burn rates.
 */
export const GET = jsonRoute(querySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const metrics = await getUptimeMetrics(db, project, {
    environmentSlug: query.environment,
    range: query.range,
    now: new Date(),
  });
  if (!metrics) {
    throw new HttpError(
      404,
      'environment_not_found',
      `No active environment "${query.environment}" in this project.`,
    );
  }
  return { data: metrics };
});
