import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { authConfigFromEnv } from '@/lib/auth/config';
import { buildAuthOptions } from '@/lib/auth/options';
import { createProject } from '../../support/factories';
import { signedInMember } from '../../support/session';
import { createTestDatabase } from '../../support/test-database';

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

// next-auth applies an `id` given in a provider's options when it loads the providers.
const providerIds = (env: Record<string, string>) =>
  buildAuthOptions(authConfigFromEnv(env)).providers.map(
    (provider) => (provider.options as { id?: string } | undefined)?.id ?? provider.id,
  );

describe('the providers on offer', () => {
  test('development with no configuration: the demo team only', () => {
    expect(providerIds({ NODE_ENV: 'development' })).toEqual(['demo']);
  });

  test('production with GitHub: GitHub only; demo too with ENVBOARD_DEMO_SIGNIN=1', () => {
    const production = {
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: 's',
      GITHUB_ID: 'i',
      GITHUB_SECRET: 'x',
    };
    expect(providerIds(production)).toEqual(['github']);
    expect(providerIds({ ...production, ENVBOARD_DEMO_SIGNIN: '1' })).toEqual(['github', 'demo']);
  });

  test('Vercel production: never the demo team, even with ENVBOARD_DEMO_SIGNIN=1', () => {
    const vercelProduction = {
      NODE_ENV: 'production',
      VERCEL_ENV: 'production',
      NEXTAUTH_SECRET: 's',
    };
    expect(providerIds({ ...vercelProduction, ENVBOARD_DEMO_SIGNIN: '1' })).toEqual([]);
    expect(
      providerIds({
        ...vercelProduction,
        ENVBOARD_DEMO_SIGNIN: '1',
        GITHUB_ID: 'i',
        GITHUB_SECRET: 'x',
      }),
    ).toEqual(['github']);
  });
});

describe('demo sign-in', () => {
  const authorize = (login: unknown) => {
    const [demo] = buildAuthOptions(authConfigFromEnv({ NODE_ENV: 'development' })).providers;
    const options = demo!.options as { authorize: (credentials: unknown) => Promise<unknown> };
    return options.authorize({ login });
  };

  test('signs in a member of the board’s project by login, carrying the login', async () => {
    const project = await createProject(handle.db);
    const { user } = await signedInMember(handle.db, project, 'viewer');
    expect(await authorize(user.githubLogin)).toEqual({
      id: String(user.id),
      login: user.githubLogin,
      name: user.name,
      image: null,
    });
  });

  test('refuses anyone who is not a member, and an empty login', async () => {
    expect(await authorize('someone-else')).toBeNull();
    expect(await authorize('')).toBeNull();
  });

  test('refuses even a member once the server runs as Vercel production', async () => {
    const project = await createProject(handle.db);
    const { user } = await signedInMember(handle.db, project, 'admin');
    vi.stubEnv('VERCEL_ENV', 'production');
    vi.stubEnv('ENVBOARD_DEMO_SIGNIN', '1');
    try {
      expect(await authorize(user.githubLogin)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
