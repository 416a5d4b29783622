import { describe, expect, test } from 'vitest';
import { checkRole } from '@/lib/auth/check-role';
import { hasRole, highestRole, isRole, ROLES } from '@/lib/domain/roles';

describe('role order', () => {
  test('runs viewer < developer < release_manager < admin', () => {
    expect(ROLES).toEqual(['viewer', 'developer', 'release_manager', 'admin']);
  });

  test('a role may do what it and every weaker role may, nothing stronger', () => {
    expect(hasRole('admin', 'viewer')).toBe(true);
    expect(hasRole('release_manager', 'release_manager')).toBe(true);
    expect(hasRole('developer', 'release_manager')).toBe(false);
    expect(hasRole('viewer', 'developer')).toBe(false);
  });

  test('the highest of several roles wins; none gives undefined', () => {
    expect(highestRole(['developer', 'admin', 'viewer'])).toBe('admin');
    expect(highestRole([])).toBeUndefined();
  });

  test('only the four role names are roles', () => {
    expect(isRole('release_manager')).toBe(true);
    expect(isRole('owner')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('checkRole', () => {
  test('no actor is a 401', () => {
    expect(checkRole(null, 'viewer')).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  test('too weak a role is a 403 that names both roles', () => {
    const failure = checkRole({ role: 'developer' }, 'release_manager');
    expect(failure).toMatchObject({ status: 403, code: 'forbidden' });
    expect(failure!.message).toContain('Release manager');
    expect(failure!.message).toContain('Developer');
  });

  test('a strong enough role passes', () => {
    expect(checkRole({ role: 'admin' }, 'release_manager')).toBeNull();
  });
});
