import { describe, expect, it } from 'vitest';
import { serviceMetric, vercelCostLines, type BranchEnvironment } from '@/lib/costs/vercel-lines';
import type { VercelCharge } from '@/lib/providers/vercel/billing';

const charge = (overrides: Partial<VercelCharge> = {}): VercelCharge => ({
  service: 'Function Invocations',
  periodStart: '2026-03-10T00:00:00.000Z',
  periodEnd: '2026-03-11T00:00:00.000Z',
  billedCostUsd: 1.25,
  effectiveCostUsd: 1.25,
  quantity: 1000,
  unit: 'invocations',
  tags: {},
  ...overrides,
});

const environments: BranchEnvironment[] = [
  {
    id: 4,
    pullRequestId: 40,
    gitBranch: 'feature-a',
    createdAt: new Date('2026-03-01T00:00:00Z'),
    deletedAt: new Date('2026-03-05T00:00:00Z'),
  },
  {
    id: 9,
    pullRequestId: 41,
    gitBranch: 'feature-a',
    createdAt: new Date('2026-03-08T00:00:00Z'),
    deletedAt: null,
  },
];

const lines = (charges: VercelCharge[]) =>
  vercelCostLines({
    charges,
    vercelProjectId: 'prj_ours',
    environmentOfDeployment: new Map([['dpl_1', 4]]),
    environments,
    now: new Date('2026-03-20T00:00:00Z'),
  });

describe('vercelCostLines', () => {
  it('names the metric after the service and takes the billed cost', () => {
    expect(serviceMetric('Fast Data Transfer')).toBe('fast_data_transfer');
    expect(serviceMetric('  Edge Requests (CPU) ')).toBe('edge_requests_cpu');
    expect(lines([charge()]).lines).toEqual([
      {
        day: '2026-03-10',
        provider: 'vercel',
        metric: 'function_invocations',
        unit: 'invocations',
        quantity: 1000,
        amountUnits: 12_500,
        target: { kind: 'usage' },
      },
    ]);
  });

  it('sends a row tagged with a known deployment to its environment', () => {
    const [line] = lines([charge({ tags: { DeploymentId: 'dpl_1' } })]).lines;
    expect(line!.target).toEqual({ kind: 'environment', environmentId: 4 });
  });

  it('sends a row tagged with a branch to the environment of that branch live that day', () => {
    const [line] = lines([charge({ tags: { git_branch: 'feature-a' } })]).lines;
    expect(line!.target).toEqual({ kind: 'environment', environmentId: 9 });
    const [unknown] = lines([charge({ tags: { gitBranch: 'nobody' } })]).lines;
    expect(unknown!.target).toEqual({ kind: 'usage' });
  });

  it('keeps seats and plan fees shared', () => {
    const result = lines([
      charge({ service: 'Pro Seats', unit: 'seats', quantity: 2, tags: { projectId: 'prj_ours' } }),
      charge({ service: 'Pro Plan', quantity: null, unit: null }),
    ]).lines;
    expect(result.map((line) => [line.target.kind, line.quantity, line.unit])).toEqual([
      ['shared', 2, 'seats'],
      ['shared', 1, 'charge'],
    ]);
  });

  it('leaves out rows of another Vercel project and names rows with an unreadable day', () => {
    const result = lines([
      charge({ tags: { projectId: 'prj_theirs' } }),
      charge({ periodStart: 'yesterday' }),
    ]);
    expect(result.lines).toEqual([]);
    expect(result.errors).toEqual([
      'Function Invocations: ChargePeriodStart "yesterday" is not a date',
    ]);
  });
});
