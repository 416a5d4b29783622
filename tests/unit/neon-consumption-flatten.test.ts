import { describe, expect, it } from 'vitest';
import { flattenConsumption } from '@/lib/providers/neon/consumption';

const period = (consumption: Record<string, unknown>[]) => [
  { period_id: 'p', period_plan: 'scale', period_start: '2026-11-01T00:00:00Z', consumption },
];
const metric = (value: number) => [{ metric_name: 'compute_unit_seconds', value }];

describe('flattenConsumption (Neon’s optional timeframe fields)', () => {
  it('reads nothing from a frame without metrics and keeps the other frames', () => {
    const samples = flattenConsumption(
      'proj',
      null,
      period([
        { timeframe_start: '2026-11-01T00:00:00Z', timeframe_end: '2026-11-02T00:00:00Z' },
        {
          timeframe_start: '2026-11-02T00:00:00Z',
          timeframe_end: '2026-11-03T00:00:00Z',
          metrics: metric(60),
        },
      ]),
    );
    expect(samples).toEqual([
      {
        projectId: 'proj',
        branchId: null,
        timeframeStart: '2026-11-02T00:00:00Z',
        timeframeEnd: '2026-11-03T00:00:00Z',
        metric: 'compute_unit_seconds',
        value: 60,
      },
    ]);
  });

  it('ends a frame without its end an hour, a day or at the next month after its start', () => {
    const frames = period([{ timeframe_start: '2026-01-31T00:00:00Z', metrics: metric(1) }]);
    const end = (granularity: 'hourly' | 'daily' | 'monthly') =>
      flattenConsumption('proj', 'br-1', frames, granularity)[0]!.timeframeEnd;
    expect([end('hourly'), end('daily'), end('monthly')]).toEqual([
      '2026-01-31T01:00:00Z',
      '2026-02-01T00:00:00Z',
      '2026-02-01T00:00:00Z',
    ]);
  });

  it('skips and reports a frame without its start, whose figures belong to no day', () => {
    const reasons: string[] = [];
    const frames = period([{ metrics: metric(5) }, { timeframe_end: '2026-11-02T00:00:00Z' }]);
    expect(flattenConsumption('proj', 'br-1', frames, 'daily', (r) => reasons.push(r))).toEqual([]);
    expect(reasons).toEqual([
      'Neon sent 1 consumption figure(s) for branch br-1 without a timeframe_start; they were skipped',
    ]);
  });
});
