import { describe, expect, it } from 'vitest';
import { neonCostLines } from '@/lib/costs/neon-lines';
import { hoursInMonth, NEON_PRICING } from '@/lib/costs/neon-prices';
import { neonPlanFromEnv } from '@/lib/settings/provider-settings';
import type { ConsumptionSample } from '@/lib/providers/neon/client';

const sample = (
  metric: string,
  value: number,
  branchId: string | null = null,
  day = '2026-03-10',
): ConsumptionSample => ({
  projectId: 'proj',
  branchId,
  timeframeStart: `${day}T00:00:00Z`,
  timeframeEnd: `${day}T23:59:59Z`,
  metric,
  value,
});

describe('Neon prices', () => {
  it('converts raw metrics to billing units', () => {
    expect(NEON_PRICING.compute_unit_seconds.toQuantity(7200, '2026-03-10')).toBe(2);
    // March has 744 hours: 744 GB-hours (in bytes) is one GB-month.
    expect(hoursInMonth('2026-03-10')).toBe(744);
    expect(NEON_PRICING.root_branch_bytes_month.toQuantity(744e9, '2026-03-10')).toBe(1);
    expect(hoursInMonth('2026-02-10')).toBe(672);
    expect(NEON_PRICING.extra_branches_month.toQuantity(672, '2026-02-10')).toBe(1);
    expect(NEON_PRICING.public_network_transfer_bytes.toQuantity(2.5e9, '2026-03-10')).toBe(2.5);
  });

  it('reads the plan from NEON_PLAN, Launch by default, and names a bad one', () => {
    expect(neonPlanFromEnv({})).toBe('launch');
    expect(neonPlanFromEnv({ NEON_PLAN: 'scale' })).toBe('scale');
    expect(() => neonPlanFromEnv({ NEON_PLAN: 'gold' })).toThrow(/NEON_PLAN/);
  });
});

describe('neonCostLines', () => {
  const environmentOfBranch = new Map([
    ['br-preview', 7],
    ['br-main', 1],
  ]);

  it('charges a preview for its branch and leaves the rest of the project total shared', () => {
    const lines = neonCostLines({
      projectSamples: [sample('compute_unit_seconds', 36_000)],
      branchSamples: [
        sample('compute_unit_seconds', 3_600, 'br-preview'),
        sample('compute_unit_seconds', 1_800, 'br-unknown'),
      ],
      environmentOfBranch,
      plan: 'launch',
    });
    // 10 CU-hours at $0.106 = $1.06 = 10,600 units: 1 h to the preview, 9 h shared.
    expect(lines.map((line) => [line.target, line.quantity, line.amountUnits])).toEqual([
      [{ kind: 'environment', environmentId: 7 }, 1, 1060],
      [{ kind: 'shared' }, 9, 9540],
    ]);
    expect(lines[0]).toMatchObject({ provider: 'neon', metric: 'compute_hours', unit: 'CU-hour' });
  });

  it('prices at the chosen plan', () => {
    const lines = neonCostLines({
      projectSamples: [sample('compute_unit_seconds', 36_000)],
      branchSamples: [],
      environmentOfBranch,
      plan: 'scale',
    });
    expect(lines.map((line) => line.amountUnits)).toEqual([22_200]);
  });

  it('sums the parts exactly to the priced project total', () => {
    const lines = neonCostLines({
      projectSamples: [sample('root_branch_bytes_month', 1_234_567_890_123)],
      branchSamples: [
        sample('root_branch_bytes_month', 333_333_333_333, 'br-main'),
        sample('root_branch_bytes_month', 111_111_111_111, 'br-preview'),
      ],
      environmentOfBranch,
      plan: 'launch',
    });
    const whole = Math.round((1_234_567_890_123 / 1e9 / 744) * 0.35 * 10_000);
    expect(lines.reduce((sum, line) => sum + line.amountUnits, 0)).toBe(whole);
  });

  it('caps branch figures at a project total that was revised downwards', () => {
    const lines = neonCostLines({
      projectSamples: [sample('compute_unit_seconds', 3_600)],
      branchSamples: [sample('compute_unit_seconds', 7_200, 'br-preview')],
      environmentOfBranch,
      plan: 'launch',
    });
    expect(lines.map((line) => [line.target.kind, line.quantity])).toEqual([['environment', 1]]);
  });

  it('keeps project-only metrics shared, skips zero and unpriced ones', () => {
    const lines = neonCostLines({
      projectSamples: [
        sample('extra_branches_month', 744 * 2),
        sample('compute_unit_seconds', 0),
        sample('snapshot_storage_bytes_month', 5e12),
      ],
      branchSamples: [],
      environmentOfBranch,
      plan: 'launch',
    });
    expect(lines).toEqual([
      expect.objectContaining({
        metric: 'extra_branches',
        quantity: 2,
        amountUnits: 30_000,
        target: { kind: 'shared' },
      }),
    ]);
  });

  it('keeps days apart', () => {
    const lines = neonCostLines({
      projectSamples: [
        sample('compute_unit_seconds', 3600, null, '2026-03-10'),
        sample('compute_unit_seconds', 7200, null, '2026-03-11'),
      ],
      branchSamples: [],
      environmentOfBranch,
      plan: 'launch',
    });
    expect(lines.map((line) => [line.day, line.quantity])).toEqual([
      ['2026-03-10', 1],
      ['2026-03-11', 2],
    ]);
  });
});
