import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoHistory } from '@/lib/demo';
import type { CostSampleRow } from '@/lib/demo';

const now = new Date('2026-03-18T10:25:00Z');
const history = generateDemoHistory({ now, seed: DEFAULT_SEED });
const others = [
  [generateDemoHistory({ now: new Date('2025-10-02T08:00:00Z'), seed: 3 }), ['2025-08', '2025-09']],
  [
    generateDemoHistory({ now: new Date('2027-06-30T23:55:00Z'), seed: 99 }),
    ['2027-04', '2027-05'],
  ],
] as const;

function totalsByMonth(samples: readonly CostSampleRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const sample of samples) {
    const month = sample.day.slice(0, 7);
    totals.set(month, (totals.get(month) ?? 0) + sample.amountUsd);
  }
  return totals;
}

describe('demo costs', () => {
  it('adds up to $70–90 in every full month, against the $100 budget', () => {
    const totals = totalsByMonth(history.costSamples);
    // 90 days back from mid-March: January and February are complete.
    for (const month of ['2026-01', '2026-02']) {
      expect(totals.get(month)).toBeGreaterThanOrEqual(70);
      expect(totals.get(month)).toBeLessThanOrEqual(90);
    }
    expect(history.project.monthlyBudgetUsd).toBe(100);
  });

  it('stays in the band for other seeds and seasons', () => {
    for (const [other, months] of others) {
      const totals = totalsByMonth(other.costSamples);
      for (const month of months) {
        expect(totals.get(month)).toBeGreaterThanOrEqual(70);
        expect(totals.get(month)).toBeLessThanOrEqual(90);
      }
    }
  });

  it('covers 90 days for Vercel, Neon and monitoring', () => {
    const days = new Set(history.costSamples.map((sample) => sample.day));
    expect(days.size).toBe(90);
    expect(new Set(history.costSamples.map((sample) => sample.provider))).toEqual(
      new Set(['vercel', 'neon', 'monitoring']),
    );
  });

  it('books the seat and monitoring as shared costs and usage per environment', () => {
    const shared = history.costSamples.filter((sample) => sample.environmentSlug === undefined);
    expect(new Set(shared.map((sample) => sample.metric))).toContain('seats');
    expect(new Set(shared.map((sample) => sample.metric))).toContain('uptime_monitoring');
    const metrics = new Set(
      history.costSamples.filter((s) => s.environmentSlug === 'production').map((s) => s.metric),
    );
    expect(metrics).toEqual(
      new Set(['function_invocations', 'fast_data_transfer', 'compute_hours']),
    );
  });

  it('tags every preview cost with its pull request', () => {
    const previewCosts = history.costSamples.filter((s) => s.environmentSlug?.startsWith('pr-'));
    expect(previewCosts.length).toBeGreaterThan(0);
    for (const sample of previewCosts)
      expect(sample.environmentSlug).toBe(`pr-${sample.pullRequestNumber}`);
  });

  it('writes one sample per day, provider, metric and environment', () => {
    const keys = history.costSamples.map(
      (s) => `${s.day}|${s.provider}|${s.metric}|${s.environmentSlug}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
