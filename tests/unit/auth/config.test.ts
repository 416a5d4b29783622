import { describe, expect, test } from 'vitest';
import { authConfigFromEnv, authSecret, demoSignInAllowed, githubFromEnv } from '@/lib/auth/config';

const github = { GITHUB_ID: 'Iv1.abc', GITHUB_SECRET: 'shh' };

describe('demo sign-in', () => {
  test('is on in development and tests while GitHub sign-in is not configured', () => {
    expect(demoSignInAllowed({ NODE_ENV: 'development' })).toBe(true);
    expect(demoSignInAllowed({ NODE_ENV: 'test' })).toBe(true);
  });

  test('is off once GitHub sign-in is configured', () => {
    expect(demoSignInAllowed({ NODE_ENV: 'development', ...github })).toBe(false);
  });

  test('is refused in production unless ENVBOARD_DEMO_SIGNIN=1', () => {
    expect(demoSignInAllowed({ NODE_ENV: 'production' })).toBe(false);
    expect(demoSignInAllowed({ NODE_ENV: 'production', ENVBOARD_DEMO_SIGNIN: '1' })).toBe(true);
  });

  test('ENVBOARD_DEMO_SIGNIN=0 turns it off everywhere; another value names the variable', () => {
    expect(demoSignInAllowed({ NODE_ENV: 'development', ENVBOARD_DEMO_SIGNIN: '0' })).toBe(false);
    expect(() => demoSignInAllowed({ ENVBOARD_DEMO_SIGNIN: 'yes' })).toThrow(
      /ENVBOARD_DEMO_SIGNIN is 1 \(on\) or 0 \(off\)/,
    );
  });
});

describe('session secret', () => {
  test('NEXTAUTH_SECRET wins, then AUTH_SECRET', () => {
    expect(authSecret({ NEXTAUTH_SECRET: 'a', AUTH_SECRET: 'b' })).toBe('a');
    expect(authSecret({ AUTH_SECRET: 'b' })).toBe('b');
  });

  test('production without one refuses to start and says how to make one', () => {
    expect(() => authSecret({ NODE_ENV: 'production' })).toThrow(
      /NEXTAUTH_SECRET is required in production/,
    );
  });

  test('development derives a stable secret per checkout, so no configuration is needed', () => {
    const one = authSecret({ NODE_ENV: 'development' }, '/home/a/envboard');
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(authSecret({}, '/home/a/envboard')).toBe(one);
    expect(authSecret({}, '/home/b/envboard')).not.toBe(one);
  });
});

describe('GitHub sign-in configuration', () => {
  test('needs both the client id and the secret', () => {
    expect(githubFromEnv({})).toBeNull();
    expect(githubFromEnv(github)).toEqual({ clientId: 'Iv1.abc', clientSecret: 'shh' });
    expect(() => githubFromEnv({ GITHUB_ID: 'Iv1.abc' })).toThrow(
      /both GITHUB_ID and GITHUB_SECRET/,
    );
  });

  test('the whole configuration, with the team mapping parsed', () => {
    const config = authConfigFromEnv({
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: 's',
      GITHUB_TEAM_ROLES: 'acme/ops:admin',
      ...github,
    });
    expect(config).toEqual({
      secret: 's',
      github: { clientId: 'Iv1.abc', clientSecret: 'shh' },
      demoSignIn: false,
      teamRoles: [{ org: 'acme', team: 'ops', role: 'admin' }],
    });
  });
});
