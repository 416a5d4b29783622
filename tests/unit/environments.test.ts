import { describe, expect, test } from 'vitest';
import { expiryState, kindRank } from '@/lib/domain/environments';
import { environmentsQuerySchema } from '@/lib/filters/environments';

const now = new Date('2026-01-10T12:00:00Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe('expiryState', () => {
  test('warns inside the last 24 hours and flags a passed expiry', () => {
    expect(expiryState(null, now)).toBe('none');
    expect(expiryState(hoursFromNow(48), now)).toBe('ok');
    expect(expiryState(hoursFromNow(24), now)).toBe('ok');
    expect(expiryState(hoursFromNow(23.9), now)).toBe('soon');
    expect(expiryState(hoursFromNow(0), now)).toBe('expired');
    expect(expiryState(hoursFromNow(-1), now)).toBe('expired');
  });
});

describe('kindRank', () => {
  test('puts production, staging and development before previews', () => {
    const kinds = ['preview', 'development', 'production', 'staging'] as const;
    expect([...kinds].sort((a, b) => kindRank(a) - kindRank(b))).toEqual([
      'production',
      'staging',
      'development',
      'preview',
    ]);
  });
});

describe('environmentsQuerySchema', () => {
  test('reads the form: empty fields are no filter, the checkbox is a flag', () => {
    expect(environmentsQuerySchema.parse({ kind: '', deleted: '1' })).toMatchObject({
      kind: undefined,
      deleted: true,
      limit: 25,
    });
    expect(environmentsQuerySchema.parse({})).toMatchObject({ deleted: false });
    expect(environmentsQuerySchema.parse({ deleted: 'false' }).deleted).toBe(false);
  });

  test('refuses an unknown kind, a bad flag, a foreign cursor and a huge limit', () => {
    expect(environmentsQuerySchema.safeParse({ kind: 'qa' }).success).toBe(false);
    expect(environmentsQuerySchema.safeParse({ deleted: 'maybe' }).success).toBe(false);
    expect(environmentsQuerySchema.safeParse({ cursor: 'not-a-cursor' }).success).toBe(false);
    expect(environmentsQuerySchema.safeParse({ limit: '1000' }).success).toBe(false);
  });
});
