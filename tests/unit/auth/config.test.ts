import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { authConfigFromEnv, authSecret, demoSignInAllowed, githubFromEnv } from '@/lib/auth/config';
import { developmentSecretPath } from '@/lib/auth/development-secret';

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

  test('is refused on Vercel production whatever ENVBOARD_DEMO_SIGNIN says', () => {
    for (const flag of [undefined, '', '0', '1']) {
      expect(
        demoSignInAllowed({
          NODE_ENV: 'production',
          VERCEL_ENV: 'production',
          ENVBOARD_DEMO_SIGNIN: flag,
        }),
      ).toBe(false);
    }
    // Vercel's preview deployments may still offer it when asked to.
    expect(
      demoSignInAllowed({
        NODE_ENV: 'production',
        VERCEL_ENV: 'preview',
        ENVBOARD_DEMO_SIGNIN: '1',
      }),
    ).toBe(true);
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

  const folders: string[] = [];
  const dataFolder = () => {
    const folder = mkdtempSync(join(tmpdir(), 'envboard-secret-'));
    folders.push(folder);
    return join(folder, 'data', 'pglite');
  };
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  test('development makes a random secret once, kept beside the embedded database, owner-only', () => {
    const pgliteDir = dataFolder();
    const secret = authSecret({ NODE_ENV: 'development', PGLITE_DIR: pgliteDir });
    const file = developmentSecretPath(pgliteDir);
    expect(file).toBe(`${pgliteDir}.session-secret`);
    expect(Buffer.from(secret, 'base64')).toHaveLength(32);
    expect(readFileSync(file, 'utf8')).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(authSecret({ PGLITE_DIR: pgliteDir })).toBe(secret);
  });

  test('each data folder has its own secret, not one derived from where the checkout is', () => {
    const [one, two] = [dataFolder(), dataFolder()];
    expect(authSecret({ PGLITE_DIR: one })).not.toBe(authSecret({ PGLITE_DIR: two }));
  });

  test('an emptied secret file is refused with what to do, not used', () => {
    const pgliteDir = dataFolder();
    mkdirSync(dirname(pgliteDir), { recursive: true });
    writeFileSync(developmentSecretPath(pgliteDir), '');
    expect(() => authSecret({ PGLITE_DIR: pgliteDir })).toThrow(
      /delete the file .* or set NEXTAUTH_SECRET/,
    );
  });

  test('the default file sits in .data next to the embedded database', () => {
    expect(developmentSecretPath(undefined)).toBe(
      join(process.cwd(), '.data/pglite.session-secret'),
    );
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
