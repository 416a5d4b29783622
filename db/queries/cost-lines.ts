import 'server-only';
import { and, asc, between, desc, eq, sql } from 'drizzle-orm';
import type { CostLine } from '@/lib/domain/costs';
import type { Database } from '../client';
import { compiledStatement, type RowOf } from '../compiled-statement';
import { costSamples, environments, pullRequests } from '../schema';

/** More lines than a day or a week of one project ever has; a bound, not a page. */
const MAX_COST_LINES = 500;

const amount = sql<number>`coalesce(sum(${costSamples.amountUsd}), 0)`.mapWith(Number);

// Served by cost_samples_project_day_idx: only the days asked for are read.
const costLinesQuery = (db: Database) =>
  db
    .select({
      provider: costSamples.provider,
      metric: costSamples.metric,
      unit: costSamples.unit,
      environmentSlug: environments.slug,
      environmentName: sql<string>`coalesce(${environments.name}, 'Shared')`,
      pullRequestNumber: pullRequests.number,
      quantity: sql<number>`coalesce(sum(${costSamples.quantity}), 0)`.mapWith(Number),
      amountUsd: amount,
    })
    .from(costSamples)
    .leftJoin(environments, eq(environments.id, costSamples.environmentId))
    .leftJoin(pullRequests, eq(pullRequests.id, costSamples.pullRequestId))
    .where(
      and(
        eq(costSamples.projectId, sql.placeholder('projectId')),
        between(costSamples.day, sql.placeholder('from'), sql.placeholder('to')),
      ),
    )
    .groupBy(
      costSamples.provider,
      costSamples.metric,
      costSamples.unit,
      environments.slug,
      environments.name,
      pullRequests.number,
    )
    .orderBy(desc(amount), asc(costSamples.provider), asc(costSamples.metric))
    .limit(MAX_COST_LINES);
const costLines = compiledStatement<RowOf<typeof costLinesQuery>>(costLinesQuery);

/** The cost lines behind a day or a week of a chart: each metric per environment, costliest first. */
export async function listCostLines(
  db: Database,
  projectId: number,
  { from, to }: { from: string; to: string },
): Promise<CostLine[]> {
  return costLines(db, { projectId, from, to });
}
