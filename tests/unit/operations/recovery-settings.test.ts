import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { expiryReason } from '@/lib/operations/expire-requests';
import { recoverySettingsFromEnv } from '@/lib/operations/recovery-settings';

const HOUR = 3_600_000;

describe('PROMOTION_REQUEST_TTL and RETENTION_DAYS', () => {
  it('default to 24 hours and 30 days', () => {
    expect(recoverySettingsFromEnv({})).toEqual({
      promotionRequestTtlMs: 24 * HOUR,
      retentionDays: 30,
    });
    expect(recoverySettingsFromEnv({ PROMOTION_REQUEST_TTL: '', RETENTION_DAYS: '' })).toEqual(
      recoverySettingsFromEnv({}),
    );
  });

  it.each([
    ['12', 12 * HOUR],
    ['12h', 12 * HOUR],
    ['90m', 90 * 60_000],
    ['2d', 48 * HOUR],
    [' 1.5H ', 1.5 * HOUR],
  ])('reads a TTL of %j', (value, ms) => {
    expect(recoverySettingsFromEnv({ PROMOTION_REQUEST_TTL: value }).promotionRequestTtlMs).toBe(
      ms,
    );
  });

  it.each([
    [{ PROMOTION_REQUEST_TTL: 'tomorrow' }, 'PROMOTION_REQUEST_TTL'],
    [{ PROMOTION_REQUEST_TTL: '0h' }, 'PROMOTION_REQUEST_TTL'],
    [{ PROMOTION_REQUEST_TTL: '-2h' }, 'PROMOTION_REQUEST_TTL'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS'],
    [{ RETENTION_DAYS: '7.5' }, 'RETENTION_DAYS'],
    [{ RETENTION_DAYS: 'a month' }, 'RETENTION_DAYS'],
  ])('refuses %j, naming the variable', (env, variable) => {
    let thrown: unknown;
    try {
      recoverySettingsFromEnv(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    expect((thrown as ZodError).issues[0]!.path).toEqual([variable]);
  });

  it('says in the audit how long a request waited', () => {
    expect(expiryReason(24 * HOUR)).toBe('expired: not approved within 24 h');
    expect(expiryReason(90 * 60_000)).toBe('expired: not approved within 90 min');
  });
});
