import { describe, expect, it } from 'vitest';
import { searchDate } from '@/lib/providers/github/search-date';
import { createdFilter } from '@/sandbox/github/created-filter';

describe('searchDate (GitHub’s search syntax for a time)', () => {
  it('writes the second with a +00:00 offset and no milliseconds', () => {
    expect(searchDate(new Date('2026-03-01T11:59:59.987Z'))).toBe('2026-03-01T11:59:59+00:00');
  });

  it('rounds down, so a `>=` filter still includes the time it was given', () => {
    const since = new Date('2026-03-01T11:59:59.987Z');
    expect(createdFilter(`>=${searchDate(since)}`)(since)).toBe(true);
  });
});
