import type { DemoHistory, DeploymentRow } from '@/lib/demo';

/** The FOCUS ServiceName Vercel bills each of the demo's Vercel metrics under. */
export const VERCEL_SERVICES: Record<string, string> = {
  seats: 'Seats',
  function_invocations: 'Function Invocations',
  fast_data_transfer: 'Fast Data Transfer',
  build_minutes: 'Build Minutes',
};

/** FOCUS's ServiceCategory for each service (https://focus.finops.org/focus-specification/). */
const SERVICE_CATEGORIES: Record<string, string> = {
  Seats: 'Developer Tools',
  'Function Invocations': 'Compute',
  'Fast Data Transfer': 'Networking',
  'Build Minutes': 'Developer Tools',
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * The demo's Vercel costs as the billing endpoint serves them: one FOCUS row per day, service and
 * environment. A usage row is tagged with the project and the deployment that environment served
 * that day (or its git branch before it served one); the seat is billed to the team, untagged.
 * `fromDay` (YYYY-MM-DD) leaves out earlier days.
 */
export function vercelCharges(history: DemoHistory, fromDay = ''): Record<string, unknown>[] {
  const servedBy = servingDeployments(history);
  const branchOf = new Map(history.environments.map((env) => [env.slug, env.gitBranch]));
  const rows: Record<string, unknown>[] = [];
  for (const sample of history.costSamples) {
    if (sample.provider !== 'vercel' || sample.day < fromDay) continue;
    const service = VERCEL_SERVICES[sample.metric];
    if (!service) continue;
    const start = Date.parse(`${sample.day}T00:00:00Z`);
    const tags: Record<string, string> = {};
    if (sample.environmentSlug) {
      tags.ProjectId = history.project.vercelProjectId;
      const served = servedBy(sample.environmentSlug, start + DAY_MS);
      if (served) tags.DeploymentId = served.vercelId;
      else tags.GitBranch = branchOf.get(sample.environmentSlug) ?? '';
    }
    // Every column Vercel's model of a row requires (see tests/fixtures/focus-rows.ts). Each
    // row has a consumed quantity, which FOCUS allows only on usage charges.
    rows.push({
      BilledCost: Number(sample.amountUsd),
      BillingCurrency: 'USD',
      ChargeCategory: 'Usage',
      ChargePeriodStart: new Date(start).toISOString(),
      ChargePeriodEnd: new Date(start + DAY_MS).toISOString(),
      ConsumedQuantity: Number(sample.quantity),
      ConsumedUnit: sample.unit,
      EffectiveCost: Number(sample.amountUsd),
      ServiceName: service,
      ServiceCategory: SERVICE_CATEGORIES[service],
      ServiceProviderName: 'Vercel',
      Tags: tags,
      PricingCategory: 'Standard',
      PricingCurrency: 'USD',
      PricingQuantity: Number(sample.quantity),
      PricingUnit: sample.unit,
    });
  }
  return rows;
}

/** The newest ready deployment of an environment created before a moment. */
function servingDeployments(history: DemoHistory) {
  const bySlug = new Map<string, DeploymentRow[]>();
  for (const row of history.deployments) {
    if (row.state !== 'ready') continue;
    bySlug.set(row.environmentSlug, [...(bySlug.get(row.environmentSlug) ?? []), row]);
  }
  return (slug: string, before: number) =>
    bySlug.get(slug)?.findLast((row) => row.providerCreatedAt.getTime() < before);
}
