import type { DemoHistory } from '@/db/seed';
import { GITHUB_REPO } from '@/db/seed/team';

/** The FOCUS ServiceName Vercel bills each of the demo's Vercel metrics under. */
export const VERCEL_SERVICES: Record<string, string> = {
  seats: 'Pro Seats',
  function_invocations: 'Function Invocations',
  fast_data_transfer: 'Fast Data Transfer',
  build_minutes: 'Build Minutes',
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * The demo's Vercel costs as the billing endpoint serves them: one FOCUS row per day, service and
 * environment. Usage rows carry the project and the environment (and pull request) they came from
 * in `Tags`; the seat is billed to the team. `fromDay` (YYYY-MM-DD) leaves out earlier days.
 */
export function vercelCharges(history: DemoHistory, fromDay = ''): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const sample of history.costSamples) {
    if (sample.provider !== 'vercel' || sample.day < fromDay) continue;
    const service = VERCEL_SERVICES[sample.metric];
    if (!service) continue;
    const start = Date.parse(`${sample.day}T00:00:00Z`);
    const tags: Record<string, string> = {};
    if (sample.environmentSlug) {
      tags.ProjectName = GITHUB_REPO;
      tags.ProjectId = history.project.vercelProjectId!;
      tags.Environment = sample.environmentSlug;
    }
    if (sample.pullRequestNumber !== undefined) tags.PullRequest = String(sample.pullRequestNumber);
    rows.push({
      BilledCost: Number(sample.amountUsd),
      EffectiveCost: Number(sample.amountUsd),
      ChargePeriodStart: new Date(start).toISOString(),
      ChargePeriodEnd: new Date(start + DAY_MS).toISOString(),
      ServiceName: service,
      ConsumedQuantity: Number(sample.quantity),
      ConsumedUnit: sample.unit,
      Tags: tags,
    });
  }
  return rows;
}
