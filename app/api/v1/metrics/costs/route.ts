import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getCostSeries } from '@/db/queries/cost-series';
import { chartRangeSchema } from '@/lib/domain/chart-range';
import { jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ range: chartRangeSchema });

/**
 * GET /api/v1/metrics/costs?range=7d|30d|90d|12m — what the Costs charts draw: spend per day
 * (per ISO week for 12m) by provider, the budget's pace, anomalous days, this month's cumulative
 * spend and forecast, 12 monthly totals, and the costliest environments and pull requests.
 */
export const GET = jsonRoute(querySchema, async ({ query, actor }) => {
  const db = getDatabase();
  const project = await requireProject(db, actor.projectId);
  const series = await getCostSeries(db, project.id, {
    now: new Date(),
    range: query.range,
    budgetUsd: project.monthlyBudgetUsd,
  });
  return { data: series };
});
