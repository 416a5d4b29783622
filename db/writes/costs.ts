import type { Database } from '../client';
import { costSamples, type NewCostSample } from '../schema';
import { chunk } from './batch';
import { fromExcluded } from './upsert';

/** A provider restates a day's figure as usage settles: the latest statement wins. */
export async function upsertCostSamples(
  db: Database,
  rows: readonly NewCostSample[],
): Promise<void> {
  for (const slice of chunk(rows, 1000)) {
    await db
      .insert(costSamples)
      .values(slice)
      .onConflictDoUpdate({
        target: [
          costSamples.projectId,
          costSamples.day,
          costSamples.provider,
          costSamples.metric,
          costSamples.environmentId,
        ],
        set: fromExcluded(['quantity', 'unit', 'amountUsd', 'source', 'pullRequestId']),
      });
  }
}
