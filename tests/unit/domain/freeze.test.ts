import { describe, expect, it } from 'vitest';
import { freezePhase, freezeProblems, parseUtcInstant } from '@/lib/domain/freeze';

const NOW = new Date('2026-12-07T10:00:00Z');
const at = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour));

describe('freezePhase', () => {
  it.each([
    ['no window', null, null, 'none'],
    ['started, not ended', at(9), at(12), 'active'],
    ['no start recorded, not ended', null, at(12), 'active'],
    ['starts later', at(11), at(12), 'upcoming'],
    ['starts exactly now', at(10), at(12), 'active'],
    ['ended', at(8), at(9), 'none'],
    ['ends exactly now', at(8), at(10), 'none'],
  ] as const)('%s', (_name, frozenFrom, frozenUntil, phase) => {
    expect(freezePhase({ frozenFrom, frozenUntil }, NOW)).toBe(phase);
  });
});

describe('freezeProblems', () => {
  it('accepts a window from now, or from later, with a reason', () => {
    expect(freezeProblems({ from: NOW, until: at(12), reason: 'release week' }, NOW)).toEqual([]);
    expect(freezeProblems({ from: at(11), until: at(12), reason: 'x' }, NOW)).toEqual([]);
  });

  it('refuses an end before the start, an end in the past, and a blank reason, all at once', () => {
    expect(freezeProblems({ from: at(12), until: at(11), reason: ' ' }, NOW)).toEqual([
      { field: 'until', message: 'The freeze must end after it starts.' },
      { field: 'reason', message: 'Say why production is frozen.' },
    ]);
    expect(freezeProblems({ from: at(7), until: at(9), reason: 'late' }, NOW)).toEqual([
      { field: 'until', message: 'The freeze must end in the future.' },
    ]);
  });

  it('reads the form’s datetime-local value as UTC', () => {
    expect(parseUtcInstant('2026-12-07T14:30')).toEqual(new Date('2026-12-07T14:30:00Z'));
    expect(parseUtcInstant('2026-12-07T14:30:00+01:00')).toEqual(new Date('2026-12-07T13:30:00Z'));
    expect(parseUtcInstant('soon')).toBeUndefined();
    expect(parseUtcInstant(' ')).toBeUndefined();
  });
});
