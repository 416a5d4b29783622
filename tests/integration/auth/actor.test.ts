import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type Project, users } from '@/db/schema';
import { setMembership } from '@/db/writes';
import { loadActor, loadSessionView } from '@/lib/auth/actor';
import { authSecret } from '@/lib/auth/config';
import { admitGitHubUser } from '@/lib/auth/github-sign-in';
import { findMembersByLogin, findProjectMember, listMembers } from '@/lib/auth/members';
import { sessionGitHubId } from '@/lib/auth/session-token';
import { getRequestActor } from '@/lib/auth/session';
import { roleRank } from '@/lib/domain/roles';
import { parseTeamRoles } from '@/lib/auth/team-roles';
import { createProject, createUser } from '../../support/factories';
import {
  getWithCookie,
  sessionCookie,
  signedInMember,
  UNKNOWN_GITHUB_ID,
} from '../../support/session';
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
    expect(await loadActor(handle.db, user.githubId!)).toBeNull();
  });
});

describe('role resolution', () => {
  beforeAll(async () => {
    project = await createProject(handle.db);
  });

  test('the actor is the user with their role on the board’s project, read from the database', async () => {
    const { user } = await signedInMember(handle.db, project, 'release_manager');
    expect(await loadActor(handle.db, user.githubId!)).toEqual({
      userId: user.id,
      githubId: user.githubId,
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
    const stranger = await sessionCookie({ githubId: UNKNOWN_GITHUB_ID });
    expect(await getRequestActor(getWithCookie('/', stranger))).toBeNull();
  });

  test('the session view reads the board’s project with the user’s membership on it', async () => {
    const second = await createProject(handle.db);
    const { user } = await signedInMember(handle.db, second, 'admin');
    const first = await loadSessionView(handle.db, user.githubId!);
    expect(first.project?.id).toBe(project.id);
    expect(first.caller).toMatchObject({ userId: user.id, role: null });
    const named = await findProjectMember(handle.db, user.githubId!, second.slug);
    expect(named.project?.id).toBe(second.id);
    expect(named.member).toMatchObject({ userId: user.id, role: 'admin' });
    expect(await findProjectMember(handle.db, UNKNOWN_GITHUB_ID, second.slug)).toEqual({
      project: second,
      member: undefined,
      user: undefined,
    });
  });

  test('a user without a membership is no actor, but a caller without a role', async () => {
    const outsider = await createUser(handle.db);
    expect(await loadActor(handle.db, outsider.githubId!)).toBeNull();
    expect((await loadSessionView(handle.db, outsider.githubId!)).caller).toEqual({
      userId: outsider.id,
      login: outsider.githubLogin,
      name: outsider.name,
      role: null,
    });
  });

  test('the members list puts the strongest roles first', async () => {
    const roles = (await listMembers(handle.db, project.id)).map((member) => member.role);
    expect(roles).toEqual([...roles].sort((a, b) => roleRank(b) - roleRank(a)));
    expect(roles[0]).toBe('admin');
  });
});

describe('the session cookie', () => {
  test('no cookie, a forged one, or one sealed with another secret reads as signed out', async () => {
    expect(await sessionGitHubId(getWithCookie('/'))).toBeNull();
    expect(await sessionGitHubId(getWithCookie('/', 'next-auth.session-token=forged'))).toBeNull();
    const foreign = await sessionCookie({ githubId: 583231 }, 'another-secret');
    expect(await sessionGitHubId(getWithCookie('/', foreign))).toBeNull();
  });

  test('a genuine cookie gives its GitHub user id', async () => {
    const cookie = await sessionCookie({ githubId: 583231 });
    expect(await sessionGitHubId(getWithCookie('/', cookie))).toBe(583231);
  });

  test('a cookie from before sessions named the GitHub id reads as signed out', async () => {
    const legacy = await encode({ token: { login: 'octocat' }, secret: authSecret(process.env) });
    const request = getWithCookie('/', `next-auth.session-token=${legacy}`);
    expect(await sessionGitHubId(request)).toBeNull();
  });

  test('a cookie read before is refused once it has expired', async () => {
    const token = await encode({
      token: { githubId: 4242 },
      secret: authSecret(process.env),
      maxAge: 60,
    });
    const request = () => getWithCookie('/', `next-auth.session-token=${token}`);
    expect(await sessionGitHubId(request())).toBe(4242);
    expect(await sessionGitHubId(request())).toBe(4242);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60 * 1000 });
    try {
      expect(await sessionGitHubId(request())).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('GitHub sign-in', () => {
  let nextId = 7_000_000;
  const identity = (login: string, githubId = ++nextId) => ({
    githubId,
    login,
    name: 'Octo Cat',
    email: 'octo@example.com',
    avatarUrl: 'https://avatars.githubusercontent.com/u/1',
  });
  const noTeams = async () => [];
  const roleOf = async (githubId: number) => (await loadActor(handle.db, githubId))?.role;

  test('a GitHub user with no membership and no mapped team is refused and not recorded', async () => {
    const stranger = identity('stranger');
    expect(await admitGitHubUser(handle.db, stranger, [], noTeams)).toBe(false);
    expect((await loadSessionView(handle.db, stranger.githubId)).caller).toBeNull();
  });

  test('a member is admitted and their name and avatar are refreshed', async () => {
    const { user } = await signedInMember(handle.db, project, 'developer');
    const signIn = identity(user.githubLogin, user.githubId!);
    expect(await admitGitHubUser(handle.db, signIn, [], noTeams)).toBe(true);
    expect(await loadActor(handle.db, user.githubId!)).toMatchObject({
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
    const shipper = identity('new-shipper');
    expect(await admitGitHubUser(handle.db, shipper, mapping, teams)).toBe(true);
    expect(await roleOf(shipper.githubId)).toBe('release_manager');
  });

  test('with a mapping but no mapped team, a role granted by hand stays', async () => {
    const { user } = await signedInMember(handle.db, project, 'admin');
    const mapping = parseTeamRoles('acme/ship:release_manager');
    const signIn = identity(user.githubLogin, user.githubId!);
    expect(await admitGitHubUser(handle.db, signIn, mapping, noTeams)).toBe(true);
    expect(await roleOf(user.githubId!)).toBe('admin');
  });

  test('a team-given role is taken back at sign-in once the person left the team', async () => {
    const mapping = parseTeamRoles('acme/ops:admin');
    const leaver = identity('leaver');
    expect(
      await admitGitHubUser(handle.db, leaver, mapping, async () => [{ org: 'acme', team: 'ops' }]),
    ).toBe(true);
    expect(await roleOf(leaver.githubId)).toBe('admin');
    expect(await admitGitHubUser(handle.db, leaver, mapping, noTeams)).toBe(false);
    expect(await roleOf(leaver.githubId)).toBeUndefined();
  });
});

describe('identity is the GitHub numeric id, not the login', () => {
  test('a renamed login taken by someone else does not carry the role; its first holder keeps it', async () => {
    const original = await createUser(handle.db, { githubId: 1_234_567, githubLogin: 'octo-ops' });
    await setMembership(handle.db, { userId: original.id, projectId: project.id, role: 'admin' });
    const profile = (githubId: number, login: string) => ({
      githubId,
      login,
      name: login,
      email: null,
      avatarUrl: null,
    });
    const noTeams = async () => [];

    // The first holder renamed to octo-platform; a stranger (another GitHub id) took octo-ops.
    expect(await admitGitHubUser(handle.db, profile(9_876_543, 'octo-ops'), [], noTeams)).toBe(
      false,
    );
    expect(await loadActor(handle.db, 9_876_543)).toBeNull();
    expect((await loadActor(handle.db, original.githubId!))?.login).toBe('octo-ops');

    expect(await admitGitHubUser(handle.db, profile(1_234_567, 'octo-platform'), [], noTeams)).toBe(
      true,
    );
    expect(await loadActor(handle.db, 1_234_567)).toMatchObject({
      userId: original.id,
      login: 'octo-platform',
      role: 'admin',
    });
  });

  test('a new holder of a login with a mapped team gets only their own team’s role', async () => {
    const original = await createUser(handle.db, {
      githubId: 2_345_678,
      githubLogin: 'release-bot',
    });
    await setMembership(handle.db, { userId: original.id, projectId: project.id, role: 'admin' });
    const mapping = parseTeamRoles('acme/readers:viewer');
    const reader = {
      githubId: 8_765_432,
      login: 'release-bot',
      name: null,
      email: null,
      avatarUrl: null,
    };
    expect(
      await admitGitHubUser(handle.db, reader, mapping, async () => [
        { org: 'acme', team: 'readers' },
      ]),
    ).toBe(true);
    expect((await loadActor(handle.db, 8_765_432))?.role).toBe('viewer');
    expect((await loadActor(handle.db, 2_345_678))?.role).toBe('admin');
    // Two users now hold the login; demo sign-in and the audit filter must not pick one blindly.
    expect(await findMembersByLogin(handle.db, project.id, 'release-bot')).toHaveLength(2);
  });

  test('a user written before ids were recorded is claimed once, by the first sign-in with its login', async () => {
    const [legacy] = await handle.db
      .insert(users)
      .values({ githubLogin: 'old-timer', name: 'Old Timer' })
      .returning();
    await setMembership(handle.db, {
      userId: legacy!.id,
      projectId: project.id,
      role: 'developer',
    });
    const noTeams = async () => [];
    const signIn = (githubId: number) => ({
      githubId,
      login: 'old-timer',
      name: null,
      email: null,
      avatarUrl: null,
    });
    expect(await admitGitHubUser(handle.db, signIn(3_456_789), [], noTeams)).toBe(true);
    expect(await loadActor(handle.db, 3_456_789)).toMatchObject({
      userId: legacy!.id,
      role: 'developer',
    });
    // Claimed: someone else signing in with that login later is a stranger.
    expect(await admitGitHubUser(handle.db, signIn(4_567_890), [], noTeams)).toBe(false);
    expect(await loadActor(handle.db, 4_567_890)).toBeNull();
  });
});
