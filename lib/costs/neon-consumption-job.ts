import { ProviderError } from '@/lib/providers/errors';
import type { NeonClient } from '@/lib/providers/neon/client';
import type { SyncJob } from '@/lib/sync/sync-job';
import { attributeCosts } from './attribution';
import { costWindow, dayStart } from './cost-window';
import { loadCostEnvironments } from './environments';
import { neonCostLines } from './neon-lines';
import type { NeonPlan } from '@/lib/domain/costs';
import { BRANCH_METRICS, PROJECT_METRICS } from './neon-prices';
import { writeCostWindow } from './write-costs';

export const NEON_CONSUMPTION_KIND = 'neon.consumption';
/** Neon keeps daily figures for at most 60 days per request (https://api-docs.neon.tech/reference/getconsumptionhistoryperproject). */
const NEON_DAILY_MAX_DAYS = 60;

export interface NeonConsumptionJobInput {
  neon: NeonClient;
  /** The board project the costs belong to. */
  projectId: number;
  plan: NeonPlan;
}

/**
 * Neon's daily consumption for the project and for each branch, priced and attributed to
 * environments, replacing what earlier runs stored for the same days.
 */
export function neonConsumptionJob({ neon, projectId, plan }: NeonConsumptionJobInput): SyncJob {
  return {
    kind: NEON_CONSUMPTION_KIND,
    callsSpent: () => neon.callsSpent,
    async work({ db, now, previousCursor }) {
      const window = costWindow(previousCursor, now, NEON_DAILY_MAX_DAYS);
      const range = { from: dayStart(window.fromDay), to: dayStart(window.toDay) } as const;
      const errors: string[] = [];
      // A timeframe Neon sent without its start is recorded and the other days are kept.
      const onSkippedFrame = (reason: string) => errors.push(reason);
      const [projectSamples, branchSamples] = await Promise.all([
        neon.getConsumptionHistory({
          ...range,
          granularity: 'daily',
          metrics: PROJECT_METRICS,
          per: 'project',
          onSkippedFrame,
        }),
        neon
          .getConsumptionHistory({
            ...range,
            granularity: 'daily',
            metrics: BRANCH_METRICS,
            per: 'branch',
            onSkippedFrame,
          })
          .catch((error: unknown) => {
            // The per-branch endpoint is in beta and not offered to every account: without it
            // the project's figures are still right, only kept shared.
            if (!(error instanceof ProviderError) || error.retryable) throw error;
            errors.push(`${error.message}; Neon costs kept shared, not per environment`);
            return [];
          }),
      ]);
      const environments = await loadCostEnvironments(db, projectId);
      const environmentOfBranch = new Map(
        environments.flatMap((env) =>
          env.neonBranchId ? [[env.neonBranchId, env.id] as const] : [],
        ),
      );
      const lines = neonCostLines({
        projectSamples: projectSamples.filter((sample) => sample.projectId === neon.projectId),
        branchSamples: branchSamples.filter((sample) => sample.projectId === neon.projectId),
        environmentOfBranch,
        plan,
      });
      const { changed } = await writeCostWindow(db, {
        projectId,
        provider: 'neon',
        source: 'neon.consumption_history',
        window,
        rows: attributeCosts(lines, environments, now),
      });
      return {
        itemsSeen: projectSamples.length + branchSamples.length,
        itemsChanged: changed,
        errors,
        cursor: window.cursor,
      };
    },
  };
}
