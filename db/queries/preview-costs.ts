import 'server-only';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { rateWindow } from '@/lib/domain/preview-cost';
import type { Database } from '../client';
import { costSamples, environments } from '../schema';

/** What a preview has cost so far and its recent daily rate, in USD. */
export interface PreviewCostFacts {
  costSoFarUsd: number;
  dailyRateUsd: number;
}

/**
 * Each pull request's preview cost, keyed by pull request id: every cost sample attributed to it
 * directly, or through its preview environment (as the Costs page attributes spend per pull
 * request). The daily rate is the mean over the last PREVIEW_RATE_DAYS full days (UTC) on which
 * it cost anything, so a preview younger than that is not diluted by days it did not exist.
 */
export async function getPreviewCosts(
  db: Database,
  pullRequestIds: readonly number[],
  environmentIds: readonly number[],
  now: Date,
): Promise<Map<number, PreviewCostFacts>> {
  if (pullRequestIds.length === 0) return new Map();
  const { from, today } = rateWindow(now);
  const owner = sql<number>`coalesce(${costSamples.pullRequestId}, ${environments.pullRequestId})`;
  const recent = sql`${costSamples.day} >= ${from} and ${costSamples.day} < ${today}`;
  const rows = await db
    .select({
      pullRequestId: owner.mapWith(Number),
      costSoFarUsd: sql<number>`coalesce(sum(${costSamples.amountUsd}), 0)`.mapWith(Number),
      recentUsd:
        sql<number>`coalesce(sum(${costSamples.amountUsd}) filter (where ${recent}), 0)`.mapWith(
          Number,
        ),
      recentDays: sql<number>`count(distinct ${costSamples.day}) filter (where ${recent})`.mapWith(
        Number,
      ),
    })
    .from(costSamples)
    .leftJoin(environments, eq(environments.id, costSamples.environmentId))
    .where(
      or(
        inArray(costSamples.pullRequestId, [...pullRequestIds]),
        environmentIds.length ? inArray(costSamples.environmentId, [...environmentIds]) : undefined,
      ),
    )
    .groupBy(owner);
  return new Map(
    rows.map((row) => [
      row.pullRequestId,
      {
        costSoFarUsd: row.costSoFarUsd,
        dailyRateUsd: row.recentDays > 0 ? row.recentUsd / row.recentDays : 0,
      },
    ]),
  );
}
