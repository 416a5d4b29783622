import type { Database } from '@/db/client';
import type { SyncRun } from '@/db/schema';
import type { NeonClient } from '@/lib/providers/neon/client';
import type { VercelClient } from '@/lib/providers/vercel/client';
import { attemptSync, type SyncJob } from '@/lib/sync/run-sync';
import { NEON_CONSUMPTION_KIND, neonConsumptionJob } from './neon-consumption-job';
import type { NeonPlan } from './neon-prices';
import { VERCEL_CHARGES_KIND, vercelChargesJob } from './vercel-charges-job';

/** A provider the server is not configured for is skipped, saying which setting is missing. */
export type ClientOrReason<Client> = { client: Client } | { skipped: string };

export interface CostSyncInput {
  project: { id: number; vercelProjectId: string | null };
  neon: ClientOrReason<NeonClient>;
  vercel: ClientOrReason<VercelClient>;
  neonPlan: NeonPlan;
  now?: () => Date;
}

export type CostSyncOutcome = SyncRun | { kind: string; skipped: string };

/**
 * Both cost syncs, one after the other, each recorded as its own sync_runs row: Neon's, then
 * Vercel's.
 */
export async function runCostSyncs(
  db: Database,
  input: CostSyncInput,
): Promise<{ runs: [neon: CostSyncOutcome, vercel: CostSyncOutcome] }> {
  const neon =
    'client' in input.neon
      ? await costSync(
          db,
          neonConsumptionJob({
            neon: input.neon.client,
            projectId: input.project.id,
            plan: input.neonPlan,
          }),
          input.now,
        )
      : { kind: NEON_CONSUMPTION_KIND, skipped: input.neon.skipped };
  const vercel =
    'client' in input.vercel
      ? await costSync(
          db,
          vercelChargesJob({
            vercel: input.vercel.client,
            projectId: input.project.id,
            vercelProjectId: input.project.vercelProjectId,
          }),
          input.now,
        )
      : { kind: VERCEL_CHARGES_KIND, skipped: input.vercel.skipped };
  return { runs: [neon, vercel] };
}

/** One cost sync; skipped, with the reason, while a run of its kind is still going. */
async function costSync(db: Database, job: SyncJob, now?: () => Date): Promise<CostSyncOutcome> {
  const attempt = await attemptSync(db, job, now);
  return attempt.ok ? attempt.run : { kind: job.kind, skipped: attempt.message };
}

/** Builds a client, or the reason it cannot be built (a missing or malformed setting). */
export function clientOrReason<Client>(build: () => Client): ClientOrReason<Client> {
  try {
    return { client: build() };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}
