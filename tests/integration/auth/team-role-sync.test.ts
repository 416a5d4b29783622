import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { GET as deployments } from '@/app/api/v1/deployments/route';
import type { DatabaseHandle } from '@/db/client';
import { listOperations } from '@/db/queries/audit';
import type { Project, User } from '@/db/schema';
import { setMembership } from '@/db/writes';
import { guardedAction, requireRole } from '@/lib/auth/guard';
import { getRequestCaller } from '@/lib/auth/session';
import { createGitHubClient } from '@/lib/providers/github/client';
import { githubTeamRolesJob } from '@/lib/sync/github-team-roles';
import { runSync } from '@/lib/sync/run-sync';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { createProject, createUser } from '../../support/factories';
import { getWithCookie, sessionCookie } from '../../support/session';
import { createTestDatabase } from '../../support/test-database';

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
const env = { GITHUB_TEAM_ROLES: 'acme/ops:admin,acme/release:release_manager' };
let handle: DatabaseHandle;
let project: Project;
let github: GitHubSandbox;

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  project = await createProject(handle.db);
  github = await startGitHubSandbox({ repositories: ['acme/shop'], token: 'app-token' });
  github.people.addTeam('acme', 'ops');
  github.people.addTeam('acme', 'release');
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await github?.close();
  await handle?.close();
});

function teamSync(mapping = env) {
  const client = createGitHubClient({
    baseUrl: github.baseUrl,
    token: 'app-token',
    owner: 'acme',
    repo: 'shop',
    retry: { msPerSecond: 1, spaceWrites: false },
    log: { warn: () => {}, error: () => {} },
  });
  return runSync(handle.db, githubTeamRolesJob({ github: client }, project, mapping));
}

/** A known GitHub account in the sandbox and in envboard, under the same numeric id. */
async function person(login: string): Promise<User> {
  const user = await createUser(handle.db, { githubLogin: login });
  github.people.add(login, user.githubId!);
  return user;
}

const roleOf = async (user: User) =>
  (await getRequestCaller(getWithCookie('/', await sessionCookie(user))))?.role;

/** What a page's guard does with this request's session: the actor, or where it redirects. */
async function pageVerdict(cookie: string): Promise<string> {
  const resolve = () => getRequestCaller(getWithCookie('/environments', cookie));
  const outcome = await requireRole('viewer', resolve).then(
    (actor) => `renders for ${actor.role}`,
    (thrown: { digest?: string }) => `redirects to ${thrown.digest?.split(';')[2]}`,
  );
  return outcome;
}

async function actionVerdict(cookie: string) {
  const work = vi.fn(async () => 'reseeded');
  const action = guardedAction(z.object({ environment: z.string() }), 'viewer', work, () =>
    getRequestCaller(getWithCookie('/environments/pr-7', cookie)),
  );
  return { result: await action({ environment: 'pr-7' }), work };
}

describe('the team sync', () => {
  test('a member who leaves the mapped team gets 403 at the next request, cookie and all', async () => {
    const leaver = await person('ana-ops');
    github.people.join('acme', 'ops', 'ana-ops');
    await teamSync();
    const cookie = await sessionCookie(leaver);
    expect(await pageVerdict(cookie)).toBe('renders for admin');
    expect((await actionVerdict(cookie)).result).toEqual({ ok: true, data: 'reseeded' });

    github.people.leave('acme', 'ops', 'ana-ops');
    const run = await teamSync();
    expect(run).toMatchObject({ status: 'succeeded', itemsChanged: 1 });

    expect(await pageVerdict(cookie)).toBe('redirects to /forbidden?role=viewer');
    const { result, work } = await actionVerdict(cookie);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(work).not.toHaveBeenCalled();
    const api = await deployments(getWithCookie('/api/v1/deployments', cookie));
    expect(api.status).toBe(403);

    const [audit] = (
      await listOperations(handle.db, project.id, { action: 'membership' }, { limit: 1 })
    ).rows;
    expect(audit).toMatchObject({
      state: 'succeeded',
      actorLogin: null,
      before: { member: 'ana-ops', role: 'admin', team: 'acme/ops' },
      after: { member: 'ana-ops' },
    });
  });

  test('moving to a weaker mapped team lowers the role; to a stronger one raises it', async () => {
    const mover = await person('rui-release');
    github.people.join('acme', 'ops', 'rui-release');
    await teamSync();
    expect(await roleOf(mover)).toBe('admin');
    github.people.leave('acme', 'ops', 'rui-release');
    github.people.join('acme', 'release', 'rui-release');
    await teamSync();
    expect(await roleOf(mover)).toBe('release_manager');
    github.people.join('acme', 'ops', 'rui-release');
    await teamSync();
    expect(await roleOf(mover)).toBe('admin');
  });

  test('a role given by hand stays whatever the teams say', async () => {
    const owner = await person('hand-picked');
    await setMembership(handle.db, { userId: owner.id, projectId: project.id, role: 'developer' });
    github.people.join('acme', 'ops', 'hand-picked');
    await teamSync();
    github.people.leave('acme', 'ops', 'hand-picked');
    await teamSync();
    expect(await roleOf(owner)).toBe('developer');
  });

  test('a mapped team GitHub cannot list fails the sync and takes nobody’s role', async () => {
    const member = await person('steady-member');
    github.people.join('acme', 'release', 'steady-member');
    await teamSync();
    const run = await teamSync({ GITHUB_TEAM_ROLES: `${env.GITHUB_TEAM_ROLES},acme/gone:viewer` });
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatch(/404/);
    expect(await roleOf(member)).toBe('release_manager');
  });

  test('without a mapping the sync changes nothing and calls nothing', async () => {
    const run = await teamSync({ GITHUB_TEAM_ROLES: '' });
    expect(run).toMatchObject({ status: 'succeeded', itemsSeen: 0, apiCalls: 0 });
  });
});
