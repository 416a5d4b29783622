import { describe, expect, test } from 'vitest';
import { bearerToken, generateApiToken, hashApiToken } from '@/lib/auth/api-tokens';
import {
  apiTokenExpiresAt,
  apiTokenRole,
  apiTokenStatus,
  isApiTokenScope,
} from '@/lib/domain/api-tokens';
import { carriesApiToken } from '@/lib/domain/auth-paths';

const now = new Date('2026-12-01T12:00:00Z');

describe('API tokens', () => {
  test('are envb_api_ and 32 random bytes, and stored as their SHA-256', () => {
    const token = generateApiToken();
    expect(token).toMatch(/^envb_api_[A-Za-z0-9_-]{43}$/);
    expect(generateApiToken()).not.toBe(token);
    expect(hashApiToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  test('come from a Bearer authorization header only', () => {
    expect(bearerToken('Bearer envb_api_x')).toBe('envb_api_x');
    expect(bearerToken('bearer  envb_ingest_x ')).toBe('envb_ingest_x');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });

  test('expire after the days chosen, or never', () => {
    expect(apiTokenExpiresAt('30', now)?.toISOString()).toBe('2026-12-31T12:00:00.000Z');
    expect(apiTokenExpiresAt('365', now)?.toISOString()).toBe('2027-12-01T12:00:00.000Z');
    expect(apiTokenExpiresAt('none', now)).toBeNull();
  });

  test('are active until revoked or past their expiry; revoked wins', () => {
    const past = new Date(now.getTime() - 1);
    expect(apiTokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(apiTokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(apiTokenStatus({ revokedAt: past, expiresAt: past }, now)).toBe('revoked');
  });

  test('act as a release manager only with operate, and never as an admin', () => {
    expect(apiTokenRole(['read', 'report'])).toBe('viewer');
    expect(apiTokenRole(['read', 'report', 'operate'])).toBe('release_manager');
    expect(isApiTokenScope('operate')).toBe(true);
    expect(isApiTokenScope('admin')).toBe(false);
  });

  test('let an /api/v1 call past the session gate only with a bearer header', () => {
    expect(carriesApiToken('/api/v1/deployments', 'Bearer envb_api_x')).toBe(true);
    expect(carriesApiToken('/api/v1/deployments', null)).toBe(false);
    expect(carriesApiToken('/deployments', 'Bearer envb_api_x')).toBe(false);
    expect(carriesApiToken('/api/cron/github', 'Bearer secret')).toBe(false);
  });
});
