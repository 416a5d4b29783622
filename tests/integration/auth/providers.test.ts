import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { users } from '@/db/schema';
import type { DemoHistory } from '@/lib/demo';
import { demoTeam } from '@/lib/demo/team';
import { recordDemoTeamIds } from '@/db/seed/write';
import { setMembership } from '@/db/writes';
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

const authorize = (login: unknown) => {
  const [demo] = buildAuthOptions(authConfigFromEnv({ NODE_ENV: 'development' })).providers;
  const options = demo!.options as { authorize: (credentials: unknown) => Promise<unknown> };
  return options.authorize({ login });
};

describe('demo sign-in', () => {
  test('signs in a member of the board’s project by login, carrying their GitHub id', async () => {
    const project = await createProject(handle.db);
    const { user } = await signedInMember(handle.db, project, 'viewer');
    expect(await authorize(user.githubLogin)).toEqual({
      id: String(user.id),
      githubId: user.githubId,
      login: user.githubLogin,
      name: user.name,
      image: null,
    });
  });

  test('refuses anyone who is not a member, and an empty login', async () => {
    expect(await authorize('someone-else')).toBeNull();
    expect(await authorize('')).toBeNull();
  });

  test('refuses a login two members hold (one renamed away) rather than pick one', async () => {
    const project = await createProject(handle.db);
    const { user } = await signedInMember(handle.db, project, 'admin');
    const { user: newHolder } = await signedInMember(handle.db, project, 'viewer');
    await handle.db
      .update(users)
      .set({ githubLogin: user.githubLogin })
      .where(eq(users.id, newHolder.id));
    expect(await authorize(user.githubLogin)).toBeNull();
  });
});

describe('a demo database written before GitHub ids were recorded', () => {
  test('the launcher records the demo team’s ids, and demo sign-in works again', async () => {
    const project = (await getCurrentProject(handle.db)) ?? (await createProject(handle.db));
    const [mara] = demoTeam();
    const [legacy] = await handle.db
      .insert(users)
      .values({ githubLogin: mara!.githubLogin, name: mara!.name })
      .returning();
    await setMembership(handle.db, { userId: legacy!.id, projectId: project.id, role: 'admin' });
    expect(await authorize(mara!.githubLogin)).toBeNull();
    await recordDemoTeamIds(handle.db, { team: demoTeam() } as DemoHistory);
    expect(await authorize(mara!.githubLogin)).toMatchObject({
      id: String(legacy!.id),
      githubId: mara!.githubId,
    });
  });
});

describe('the session token', () => {
  test('carries the GitHub id of whoever signed in, and their login for display', async () => {
    const { callbacks } = buildAuthOptions(authConfigFromEnv({ NODE_ENV: 'development' }));
    const token = await callbacks!.jwt!({
      token: {},
      user: { id: '7', githubId: 583231, login: 'octocat' },
      account: null,
    });
    expect(token).toMatchObject({ githubId: 583231, login: 'octocat' });
  });
});

describe('demo sign-in on Vercel production', () => {
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
