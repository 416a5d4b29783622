import { and, between, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client';
import { type CostSample, costSamples, type NewCostSample } from '../schema';
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

export interface CostSampleScope {
  projectId: number;
  provider: NewCostSample['provider'];
  /** First and last day (inclusive, `YYYY-MM-DD`) the new rows are the whole truth for. */
  fromDay: string;
  toDay: string;
}

const naturalKey = (row: Pick<NewCostSample, 'day' | 'metric' | 'environmentId'>) =>
  `${row.day}|${row.metric}|${row.environmentId ?? ''}`;

const sameFigures = (stored: CostSample, row: NewCostSample) =>
  Number(stored.quantity).toFixed(6) === Number(row.quantity).toFixed(6) &&
  Number(stored.amountUsd).toFixed(4) === Number(row.amountUsd).toFixed(4) &&
  stored.unit === row.unit &&
  stored.source === row.source &&
  (stored.pullRequestId ?? null) === (row.pullRequestId ?? null);

/**
 * A sync's complete statement of one provider's costs for a range of days: rows it no longer
 * states (an environment that lost a share, a figure revised to nothing) are deleted, changed
 * ones updated, identical ones left alone, all in one transaction. Returns how many rows changed,
 * so a re-run over the same figures reports none.
 */
export async function replaceCostSamples(
  db: Database,
  scope: CostSampleScope,
  rows: readonly NewCostSample[],
): Promise<{ changed: number }> {
  const outside = rows.find(
    (row) =>
      row.projectId !== scope.projectId ||
      row.provider !== scope.provider ||
      row.day < scope.fromDay ||
      row.day > scope.toDay,
  );
  if (outside) {
    throw new Error(
      `cost row ${naturalKey(outside)} is outside the ${scope.provider} days ${scope.fromDay}–${scope.toDay} being replaced`,
    );
  }
  return db.transaction(async (tx) => {
    const stored = await tx
      .select()
      .from(costSamples)
      .where(
        and(
          eq(costSamples.projectId, scope.projectId),
          eq(costSamples.provider, scope.provider),
          between(costSamples.day, scope.fromDay, scope.toDay),
        ),
      );
    const byKey = new Map(stored.map((row) => [naturalKey(row), row]));
    const wanted = new Set(rows.map(naturalKey));
    const gone = stored.filter((row) => !wanted.has(naturalKey(row))).map((row) => row.id);
    const changed = rows.filter((row) => {
      const existing = byKey.get(naturalKey(row));
      return !existing || !sameFigures(existing, row);
    });
    for (const slice of chunk(gone, 1000)) {
      await tx.delete(costSamples).where(inArray(costSamples.id, slice));
    }
    await upsertCostSamples(tx, changed);
    return { changed: gone.length + changed.length };
  });
}
