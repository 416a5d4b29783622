import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { Project } from '@/db/schema';
import { setMembership } from '@/db/writes';
import { loadActor, loadSessionView } from '@/lib/auth/actor';
import { authSecret } from '@/lib/auth/config';
import { admitGitHubUser } from '@/lib/auth/github-sign-in';
import { findMember, findProjectMember, listMembers } from '@/lib/auth/members';
import { sessionLogin } from '@/lib/auth/session-token';
import { getRequestActor } from '@/lib/auth/session';
import { roleRank } from '@/lib/auth/roles';
import { parseTeamRoles } from '@/lib/auth/team-roles';
import { createProject, createUser } from '../../support/factories';
import { getWithCookie, sessionCookie, signedInMember } from '../../support/session';
import { createTestDatabase } from '../../support/test-database';

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

describe('with no project yet', () => {
  test('nobody is an actor: there is no role to hold', async () => {
    const user = await createUser(handle.db);
    expect(await loadActor(handle.db, user.githubLogin)).toBeNull();
  });
});

describe('role resolution', () => {
  beforeAll(async () => {
    project = await createProject(handle.db);
  });

  test('the actor is the user with their role on the board’s project, read from the database', async () => {
    const { user } = await signedInMember(handle.db, project, 'release_manager');
    expect(await loadActor(handle.db, user.githubLogin)).toEqual({
      userId: user.id,
      login: user.githubLogin,
      name: user.name,
      avatarUrl: null,
      role: 'release_manager',
      projectId: project.id,
    });
  });

  test('a changed role counts on the next request; a removed user is nobody', async () => {
    const { user, cookie } = await signedInMember(handle.db, project, 'developer');
    await setMembership(handle.db, { userId: user.id, projectId: project.id, role: 'admin' });
    expect((await getRequestActor(getWithCookie('/', cookie)))?.role).toBe('admin');
    expect(
      await getRequestActor(getWithCookie('/', await sessionCookie('no-such-user'))),
    ).toBeNull();
  });

  test('the session view reads the board’s project with the login’s membership on it', async () => {
    const second = await createProject(handle.db);
    const { user } = await signedInMember(handle.db, second, 'admin');
    const first = await loadSessionView(handle.db, user.githubLogin);
    expect(first.project?.id).toBe(project.id);
    expect(first.actor).toBeNull();
    const named = await findProjectMember(handle.db, user.githubLogin, second.slug);
    expect(named.project?.id).toBe(second.id);
    expect(named.member).toMatchObject({ userId: user.id, role: 'admin' });
    expect(await findProjectMember(handle.db, 'nobody-at-all', second.slug)).toEqual({
      project: second,
      member: undefined,
    });
  });

  test('a user without a membership is nobody', async () => {
    const outsider = await createUser(handle.db);
    expect(await loadActor(handle.db, outsider.githubLogin)).toBeNull();
  });

  test('the members list puts the strongest roles first', async () => {
    const roles = (await listMembers(handle.db, project.id)).map((member) => member.role);
    expect(roles).toEqual([...roles].sort((a, b) => roleRank(b) - roleRank(a)));
    expect(roles[0]).toBe('admin');
  });
});

describe('the session cookie', () => {
  test('no cookie, a forged one, or one sealed with another secret reads as signed out', async () => {
    expect(await sessionLogin(getWithCookie('/'))).toBeNull();
    expect(await sessionLogin(getWithCookie('/', 'next-auth.session-token=forged'))).toBeNull();
    const foreign = await sessionCookie('mallory', 'another-secret');
    expect(await sessionLogin(getWithCookie('/', foreign))).toBeNull();
  });

  test('a genuine cookie gives its GitHub login', async () => {
    expect(await sessionLogin(getWithCookie('/', await sessionCookie('octocat')))).toBe('octocat');
  });

  test('a cookie read before is refused once it has expired', async () => {
    const token = await encode({
      token: { login: 'short-lived' },
      secret: authSecret(process.env),
      maxAge: 60,
    });
    const request = () => getWithCookie('/', `next-auth.session-token=${token}`);
    expect(await sessionLogin(request())).toBe('short-lived');
    expect(await sessionLogin(request())).toBe('short-lived');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60 * 1000 });
    try {
      expect(await sessionLogin(request())).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('GitHub sign-in', () => {
  const identity = (login: string) => ({
    login,
    name: 'Octo Cat',
    email: 'octo@example.com',
    avatarUrl: 'https://avatars.githubusercontent.com/u/1',
  });
  const noTeams = async () => [];

  test('a GitHub user with no membership and no mapped team is refused and not recorded', async () => {
    expect(await admitGitHubUser(handle.db, identity('stranger'), [], noTeams)).toBe(false);
    expect(await loadActor(handle.db, 'stranger')).toBeNull();
  });

  test('a member is admitted and their name and avatar are refreshed', async () => {
    const { user } = await signedInMember(handle.db, project, 'developer');
    expect(await admitGitHubUser(handle.db, identity(user.githubLogin), [], noTeams)).toBe(true);
    expect(await findMember(handle.db, project.id, user.githubLogin)).toMatchObject({
      name: 'Octo Cat',
      avatarUrl: 'https://avatars.githubusercontent.com/u/1',
      role: 'developer',
    });
  });

  test('a mapped team gives its strongest role, written to the membership', async () => {
    const mapping = parseTeamRoles('acme/ship:release_manager,acme/devs:developer');
    const teams = async () => [
      { org: 'acme', team: 'devs' },
      { org: 'acme', team: 'ship' },
    ];
    expect(await admitGitHubUser(handle.db, identity('new-shipper'), mapping, teams)).toBe(true);
    expect((await loadActor(handle.db, 'new-shipper'))?.role).toBe('release_manager');
  });

  test('with a mapping but no mapped team, a role granted by hand stays', async () => {
    const { user } = await signedInMember(handle.db, project, 'admin');
    const mapping = parseTeamRoles('acme/ship:release_manager');
    expect(await admitGitHubUser(handle.db, identity(user.githubLogin), mapping, noTeams)).toBe(
      true,
    );
    expect((await loadActor(handle.db, user.githubLogin))?.role).toBe('admin');
  });
});
