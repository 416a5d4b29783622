import { describe, expect, it } from 'vitest';
import { latestPinEnd, parsePinEnd, pinHolds, pinProblems, pinView } from '@/lib/domain/pins';

const NOW = new Date('2026-12-07T10:00:00Z');
const day = (text: string) => parsePinEnd(text)!;

describe('pin limits', () => {
  it('reads a date as the end of that day, UTC, and a full instant as given', () => {
    expect(parsePinEnd('2026-12-20')).toEqual(new Date('2026-12-20T23:59:59.999Z'));
    expect(parsePinEnd('2026-12-20T08:00:00Z')).toEqual(new Date('2026-12-20T08:00:00Z'));
    expect(parsePinEnd('next friday')).toBeUndefined();
    expect(parsePinEnd('')).toBeUndefined();
  });

  it.each([
    ['today (still ahead)', '2026-12-07', []],
    ['the last day allowed', '2027-01-06', []],
    ['one day past the limit', '2027-01-07', ['A preview may be pinned for at most 30 days.']],
    ['yesterday', '2026-12-06', ['The end date must be in the future.']],
  ])('%s', (_name, until, messages) => {
    const problems = pinProblems({ until: day(until), reason: 'demo' }, NOW, 30);
    expect(problems.map((problem) => problem.message)).toEqual(messages);
  });

  it('names every bad field at once: a blank or overlong reason and a past date', () => {
    expect(pinProblems({ until: day('2026-12-01'), reason: '  ' }, NOW, 30)).toEqual([
      { field: 'until', message: 'The end date must be in the future.' },
      { field: 'reason', message: 'Say why it stays up.' },
    ]);
    expect(
      pinProblems({ until: day('2026-12-08'), reason: 'x'.repeat(281) }, NOW, 30)[0]?.field,
    ).toBe('reason');
  });

  it('follows PREVIEW_MAX_PIN_DAYS', () => {
    expect(latestPinEnd(NOW, 3)).toEqual(new Date('2026-12-10T23:59:59.999Z'));
    expect(pinProblems({ until: day('2026-12-11'), reason: 'demo' }, NOW, 3)).toHaveLength(1);
  });
});

describe('pinHolds', () => {
  const pin = { pinned: true, pinnedUntil: new Date('2026-12-08T00:00:00Z') };
  it('holds until its end date and lapses at it', () => {
    expect(pinHolds(pin, NOW)).toBe(true);
    expect(pinHolds(pin, new Date('2026-12-08T00:00:00Z'))).toBe(false);
  });
  it('an unpinned preview is not held; a pin without an end date holds until unpinned', () => {
    expect(pinHolds({ pinned: false, pinnedUntil: pin.pinnedUntil }, NOW)).toBe(false);
    expect(pinHolds({ pinned: true, pinnedUntil: null }, new Date('2030-01-01'))).toBe(true);
  });
  it('shows who, why and until when only while it holds', () => {
    const state = { ...pin, pinReason: 'client demo', pinnedBy: 'alice' };
    expect(pinView(state, NOW)).toEqual({
      until: pin.pinnedUntil,
      reason: 'client demo',
      by: 'alice',
    });
    expect(pinView(state, new Date('2026-12-09'))).toBeNull();
  });
});
