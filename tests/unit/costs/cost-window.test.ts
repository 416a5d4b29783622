import { describe, expect, it } from 'vitest';
import { costWindow } from '@/lib/costs/cost-window';

const now = new Date('2026-03-20T09:30:00Z');

describe('costWindow', () => {
  it('looks back 30 days on a first run and reads through today', () => {
    expect(costWindow(null, now, 60)).toEqual({
      fromDay: '2026-02-18',
      toDay: '2026-03-21',
      cursor: '2026-03-19',
    });
  });

  it('re-reads the last two complete days after a run', () => {
    expect(costWindow('2026-03-19', now, 60).fromDay).toBe('2026-03-18');
    expect(costWindow('2026-03-10', now, 60).fromDay).toBe('2026-03-09');
  });

  it('never asks for more days than the provider allows', () => {
    expect(costWindow('2025-06-01', now, 60).fromDay).toBe('2026-01-20');
    expect(costWindow(null, now, 10).fromDay).toBe('2026-03-11');
  });

  it('treats an unreadable cursor as a first run', () => {
    expect(costWindow('not-a-day', now, 60).fromDay).toBe('2026-02-18');
  });
});
