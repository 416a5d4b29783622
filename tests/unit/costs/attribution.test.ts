import { describe, expect, it } from 'vitest';
import {
  activeHours,
  attributeCosts,
  type CostLine,
  type LiveEnvironment,
} from '@/lib/costs/attribution';

const DAY = '2026-03-10';
const NOW = new Date('2026-03-20T00:00:00Z');
const at = (time: string) => new Date(`${DAY}T${time}Z`);

const production: LiveEnvironment = {
  id: 1,
  pullRequestId: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  deletedAt: null,
};
const preview = (id: number, from: string, to?: string): LiveEnvironment => ({
  id,
  pullRequestId: 100 + id,
  createdAt: at(from),
  deletedAt: to ? at(to) : null,
});

const usage = (amountUnits: number, quantity = 10): CostLine => ({
  day: DAY,
  provider: 'vercel',
  metric: 'function_invocations',
  unit: 'invocations',
  quantity,
  amountUnits,
  target: { kind: 'usage' },
});

const total = (rows: { amountUnits: number }[]) =>
  rows.reduce((sum, row) => sum + row.amountUnits, 0);

describe('activeHours', () => {
  it('counts the part of the UTC day the environment existed', () => {
    expect(activeHours(production, DAY, NOW)).toBe(24);
    expect(activeHours(preview(2, '06:00:00'), DAY, NOW)).toBe(18);
    expect(activeHours(preview(3, '06:00:00', '09:30:00'), DAY, NOW)).toBe(3.5);
  });

  it('stops at now for today and is zero outside the environment’s life', () => {
    expect(activeHours(production, DAY, at('12:00:00'))).toBe(12);
    expect(activeHours(preview(2, '06:00:00'), '2026-03-09', NOW)).toBe(0);
    expect(activeHours(preview(3, '06:00:00', '09:00:00'), '2026-03-11', NOW)).toBe(0);
  });
});

describe('attributeCosts', () => {
  it('splits shared usage by the hours each environment was live, summing exactly', () => {
    // Production 24 h, one preview 12 h, another 6 h: 24/42, 12/42, 6/42 of 10,001 units.
    const environments = [production, preview(2, '12:00:00'), preview(3, '18:00:00')];
    const rows = attributeCosts([usage(10_001)], environments, NOW);
    expect(rows.map((row) => [row.environmentId, row.amountUnits])).toEqual([
      [1, 5715],
      [2, 2857],
      [3, 1429],
    ]);
    expect(total(rows)).toBe(10_001);
    expect(rows.reduce((sum, row) => sum + row.quantity, 0)).toBeCloseTo(10, 5);
  });

  it('gives a preview its pull request', () => {
    const rows = attributeCosts([usage(100)], [production, preview(2, '00:00:00')], NOW);
    expect(rows.find((row) => row.environmentId === 2)?.pullRequestId).toBe(102);
    expect(rows.find((row) => row.environmentId === 1)?.pullRequestId).toBeNull();
  });

  it('splits with one preview and with no previews', () => {
    const one = attributeCosts([usage(3)], [production, preview(2, '00:00:00')], NOW);
    expect(one.map((row) => row.amountUnits)).toEqual([2, 1]);
    const none = attributeCosts([usage(3)], [production], NOW);
    expect(none).toEqual([expect.objectContaining({ environmentId: 1, amountUnits: 3 })]);
  });

  it('keeps usage shared when no environment was live that day', () => {
    const rows = attributeCosts([usage(500)], [preview(2, '06:00:00')], NOW);
    expect(rows.map((row) => row.environmentId)).toEqual([2]);
    const before = attributeCosts(
      [{ ...usage(500), day: '2026-03-01' }],
      [preview(2, '06:00:00')],
      NOW,
    );
    expect(before).toEqual([expect.objectContaining({ environmentId: null, amountUnits: 500 })]);
  });

  it('writes nothing for zero usage', () => {
    expect(attributeCosts([usage(0, 0)], [production], NOW)).toEqual([]);
  });

  it('adds direct costs to the environment and merges lines that land on the same row', () => {
    const direct: CostLine = {
      ...usage(40),
      provider: 'neon',
      metric: 'compute_hours',
      target: { kind: 'environment', environmentId: 2 },
    };
    const shared: CostLine = { ...direct, amountUnits: 7, target: { kind: 'shared' } };
    const rows = attributeCosts([direct, { ...direct, amountUnits: 2 }, shared], [production], NOW);
    expect(rows.map((row) => [row.environmentId, row.amountUnits])).toEqual([
      [null, 7],
      [2, 42],
    ]);
  });

  it('preserves the total over a day of mixed lines and many previews', () => {
    const environments = [
      production,
      ...Array.from({ length: 7 }, (_, i) => preview(i + 2, `0${i}:17:00`)),
    ];
    const lines = [
      usage(99_999),
      usage(1),
      usage(12_345),
      { ...usage(77), target: { kind: 'shared' } as const },
    ];
    const rows = attributeCosts(lines, environments, NOW);
    expect(total(rows)).toBe(99_999 + 1 + 12_345 + 77);
  });
});
