import type { VercelCharge } from '@/lib/providers/vercel/billing';
import { activeHours, type CostLine, type CostTarget, type LiveEnvironment } from './attribution';
import { usdToUnits } from './money';

export interface BranchEnvironment extends LiveEnvironment {
  gitBranch: string;
}

export interface VercelLineInput {
  charges: readonly VercelCharge[];
  /** The board project's Vercel project id; rows tagged with another project are not ours. */
  vercelProjectId: string | null;
  /** Vercel deployment id (`dpl_…`) → the environment it was deployed to. */
  environmentOfDeployment: ReadonlyMap<string, number>;
  environments: readonly BranchEnvironment[];
  now: Date;
}

// Vercel does not document which tags FOCUS rows carry
// (https://vercel.com/docs/rest-api/reference/endpoints/billing/list-focus-billing-charges), so the
// usual spellings of each are accepted: keys compare lower-cased with punctuation removed.
const TAG_KEYS = {
  project: ['projectid', 'vercelprojectid', 'project'],
  deployment: ['deploymentid', 'deploymentuid', 'verceldeploymentid', 'deployment'],
  branch: ['gitbranch', 'branch', 'vercelgitbranch'],
};

function tag(tags: Record<string, string>, names: readonly string[]): string | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (names.includes(key.toLowerCase().replace(/[^a-z0-9]/g, '')) && value) return value;
  }
  return undefined;
}

/** The deployment a row was tagged with, if any. */
export function deploymentTag(charge: VercelCharge): string | undefined {
  return tag(charge.tags, TAG_KEYS.deployment);
}

/** `Function Invocations` → `function_invocations`, the cost_samples.metric. */
export function serviceMetric(service: string): string {
  return (
    service
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'other'
  );
}

/** Seats and plan fees are what having the team costs, not what any environment used. */
function isFixedCharge(charge: VercelCharge): boolean {
  return /\b(seats?|plan)\b/i.test(charge.service) || /\bseats?\b/i.test(charge.unit ?? '');
}

function target(charge: VercelCharge, day: string, input: VercelLineInput): CostTarget {
  if (isFixedCharge(charge)) return { kind: 'shared' };
  const deployment = deploymentTag(charge);
  const byDeployment = deployment && input.environmentOfDeployment.get(deployment);
  if (byDeployment) return { kind: 'environment', environmentId: byDeployment };
  const branch = tag(charge.tags, TAG_KEYS.branch);
  if (branch) {
    // The newest environment of that branch live that day: a branch reopened later is a new one.
    const live = input.environments
      .filter((env) => env.gitBranch === branch && activeHours(env, day, input.now) > 0)
      .sort((a, b) => b.id - a.id)[0];
    if (live) return { kind: 'environment', environmentId: live.id };
  }
  return { kind: 'usage' };
}

/**
 * Vercel's FOCUS rows as cost lines for the board's project: BilledCost (what the invoice
 * charges) by day and service. A row tagged with a deployment or git branch envboard knows goes
 * to that environment; other usage is split by the attribution rule; seats and plan fees stay
 * shared. Rows tagged with a different Vercel project are left out.
 */
export function vercelCostLines(input: VercelLineInput): { lines: CostLine[]; errors: string[] } {
  const lines: CostLine[] = [];
  const errors: string[] = [];
  for (const charge of input.charges) {
    const project = tag(charge.tags, TAG_KEYS.project);
    if (project && input.vercelProjectId && project !== input.vercelProjectId) continue;
    const start = Date.parse(charge.periodStart);
    if (Number.isNaN(start)) {
      errors.push(`${charge.service}: ChargePeriodStart "${charge.periodStart}" is not a date`);
      continue;
    }
    const day = new Date(start).toISOString().slice(0, 10);
    lines.push({
      day,
      provider: 'vercel',
      metric: serviceMetric(charge.service),
      // A row without a consumed quantity (a purchase, a fee) counts as one charge.
      unit: charge.unit ?? 'charge',
      quantity: charge.quantity ?? 1,
      amountUnits: usdToUnits(charge.billedCostUsd),
      target: target(charge, day, input),
    });
  }
  return { lines, errors };
}
