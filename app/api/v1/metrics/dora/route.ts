import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getDoraSummary } from '@/db/queries/dora';
import { chartRangeSchema } from '@/lib/domain/chart-range';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ range: chartRangeSchema });

/**
 * GET /api/v1/metrics/dora?range=7d|30d|90d|12m — production's four keys over the range (value
 * and band; deployments a week, milliseconds, or a 0–1 ratio) and their trend by ISO week.
 */
export const GET = jsonRoute(querySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const summary = await getDoraSummary(db, project.id, { range: query.range, now: new Date() });
  return { data: { range: query.range, ...summary } };
});
