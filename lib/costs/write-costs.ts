import type { Database } from '@/db/client';
import { replaceCostSamples } from '@/db/writes';
import { addDays, type CostProvider } from '@/lib/domain/costs';
import type { AttributedCost } from './attribution';
import type { CostWindow } from './cost-window';
import { unitsToUsd } from './money';

/** Stores a sync's attributed rows as the whole truth for the days its window covers. */
export async function writeCostWindow(
  db: Database,
  input: {
    projectId: number;
    provider: CostProvider;
    source: string;
    window: CostWindow;
    rows: readonly AttributedCost[];
  },
): Promise<{ changed: number }> {
  const { projectId, provider, source, window } = input;
  return replaceCostSamples(
    db,
    { projectId, provider, fromDay: window.fromDay, toDay: addDays(window.toDay, -1) },
    input.rows.map((row) => ({
      projectId,
      day: row.day,
      provider: row.provider,
      metric: row.metric,
      environmentId: row.environmentId,
      pullRequestId: row.pullRequestId,
      quantity: row.quantity,
      unit: row.unit,
      amountUsd: unitsToUsd(row.amountUnits),
      source,
    })),
  );
}
