import { describe, expect, test } from 'vitest';
import { addDays, daySpans, mergeSpans, touchedSpans } from '@/db/rollups/touched';

describe('the spans of days a write refreshes', () => {
  test('days a week or less apart share a span; further apart, each group has its own', () => {
    expect(
      daySpans(['2026-03-10', '2026-03-03', '2026-03-10', '2026-03-17', '2026-04-30']),
    ).toEqual([
      { from: '2026-03-03', to: '2026-03-17' },
      { from: '2026-04-30', to: '2026-04-30' },
    ]);
    expect(daySpans([])).toEqual([]);
  });

  test('overlapping and nested spans merge', () => {
    expect(
      mergeSpans([
        { from: '2026-03-05', to: '2026-03-06' },
        { from: '2026-02-01', to: '2026-03-09' },
        { from: '2026-05-01', to: '2026-05-01' },
      ]),
    ).toEqual([
      { from: '2026-02-01', to: '2026-03-09' },
      { from: '2026-05-01', to: '2026-05-01' },
    ]);
  });

  test('one entry per project, each with its own spans, days in UTC', () => {
    expect(
      touchedSpans([
        { projectId: 2, at: new Date('2026-03-10T23:59:59Z') },
        { projectId: 1, at: new Date('2026-03-11T00:00:00Z') },
        { projectId: 2, at: new Date('2026-03-12T08:00:00+09:00') },
      ]),
    ).toEqual([
      { projectId: 1, spans: [{ from: '2026-03-11', to: '2026-03-11' }] },
      { projectId: 2, spans: [{ from: '2026-03-10', to: '2026-03-11' }] },
    ]);
  });

  test('days add across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
