import { describe, expect, it } from 'vitest';
import { previewCostView, projectPreviewCost, rateWindow } from '@/lib/domain/preview-cost';

const NOW = new Date('2026-12-07T12:00:00Z');

describe('projectPreviewCost', () => {
  it('adds the daily rate for every day left, fractions included', () => {
    const expiresAt = new Date('2026-12-10T00:00:00Z'); // 2.5 days away
    expect(projectPreviewCost({ costSoFarUsd: 1, dailyRateUsd: 0.4, now: NOW, expiresAt })).toEqual(
      { projectedUsd: 2, daysLeft: 2.5 },
    );
  });

  it('an expired preview costs nothing more; one that never expires projects its cost so far', () => {
    const expired = projectPreviewCost({
      costSoFarUsd: 3,
      dailyRateUsd: 1,
      now: NOW,
      expiresAt: new Date('2026-12-01T00:00:00Z'),
    });
    expect(expired).toEqual({ projectedUsd: 3, daysLeft: 0 });
    expect(
      projectPreviewCost({ costSoFarUsd: 3, dailyRateUsd: 1, now: NOW, expiresAt: null }),
    ).toEqual({ projectedUsd: 3, daysLeft: null });
  });

  it('warns only strictly over the threshold', () => {
    const base = { dailyRateUsd: 0, now: NOW, expiresAt: null, thresholdUsd: 5 };
    expect(previewCostView({ ...base, costSoFarUsd: 5 }).overThreshold).toBe(false);
    expect(previewCostView({ ...base, costSoFarUsd: 5.01 }).overThreshold).toBe(true);
  });

  it('takes the recent rate over the last three full UTC days', () => {
    expect(rateWindow(NOW)).toEqual({ from: '2026-12-04', today: '2026-12-07' });
  });
});
