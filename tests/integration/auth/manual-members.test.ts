import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listOperations } from '@/db/queries/audit';
import type { Project } from '@/db/schema';
import { setTeamMembership } from '@/db/writes';
import { admitGitHubUser } from '@/lib/auth/github-sign-in';
import { addMember, listMemberships, removeMember } from '@/lib/auth/manual-members';
import { at, createProject, createUser } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  project = await createProject(handle.db);
});

afterAll(async () => {
  await handle?.close();
});

const add = (login: string, role: 'admin' | 'developer' | 'viewer') =>
  addMember(handle.db, { projectId: project.id, login, role, now: at(0) });
const remove = (login: string) =>
  removeMember(handle.db, { projectId: project.id, login, now: at(5) });

async function auditOf(login: string) {
  const page = await listOperations(handle.db, project.id, { action: 'membership' }, { limit: 50 });
  return page.rows.filter((entry) => entry.after?.member === login);
}

const listed = async (login: string) =>
  (await listMemberships(handle.db, project.id)).find((member) => member.login === login);

describe('npm run member: roles given by hand', () => {
  test('the first admin, not signed in yet, gets in at their first GitHub sign-in', async () => {
    expect(await add('first-admin', 'admin')).toEqual({
      ok: true,
      message: '@first-admin now has Admin. It counts from their first GitHub sign-in.',
    });
    expect(await listed('first-admin')).toEqual({
      login: 'first-admin',
      role: 'admin',
      source: 'manual',
      team: null,
      signedIn: false,
    });
    const identity = {
      githubId: 4_200_001,
      login: 'first-admin',
      name: 'First',
      email: null,
      avatarUrl: null,
    };
    expect(await admitGitHubUser(handle.db, identity, [], async () => [])).toBe(true);
    expect(await listed('first-admin')).toMatchObject({ role: 'admin', signedIn: true });
  });

  test('each change is audited as a role change made by the system', async () => {
    const user = await createUser(handle.db);
    await add(user.githubLogin, 'developer');
    await add(user.githubLogin, 'admin');
    const entries = await auditOf(user.githubLogin);
    expect(entries.map((entry) => [entry.before?.role ?? null, entry.after?.role])).toEqual([
      ['developer', 'admin'],
      [null, 'developer'],
    ]);
    expect(entries[0]).toMatchObject({ kind: 'membership', state: 'succeeded', actorLogin: null });
    expect(entries[0]!.reason).toBe(`@${user.githubLogin} given Admin by hand`);
  });

  test('giving the role someone already has changes nothing and writes no audit row', async () => {
    const user = await createUser(handle.db);
    await add(user.githubLogin, 'viewer');
    expect(await add(user.githubLogin, 'viewer')).toMatchObject({ ok: true });
    expect(await auditOf(user.githubLogin)).toHaveLength(1);
  });

  test('a role given by hand replaces a team-given one, so the team sync leaves it alone', async () => {
    const user = await createUser(handle.db);
    await setTeamMembership(handle.db, {
      userId: user.id,
      projectId: project.id,
      role: 'developer',
      team: 'acme/devs',
    });
    await add(user.githubLogin, 'admin');
    expect(await listed(user.githubLogin)).toMatchObject({
      role: 'admin',
      source: 'manual',
      team: null,
    });
  });

  test('remove takes the role away, audited; removing again says there is none', async () => {
    const user = await createUser(handle.db);
    await add(user.githubLogin, 'developer');
    expect(await remove(user.githubLogin)).toMatchObject({ ok: true });
    expect(await listed(user.githubLogin)).toBeUndefined();
    expect(await remove(user.githubLogin)).toEqual({
      ok: false,
      error: `@${user.githubLogin} has no role on this project.`,
    });
    const [removal] = await auditOf(user.githubLogin);
    expect(removal).toMatchObject({
      before: { role: 'developer' },
      after: { member: user.githubLogin },
    });
  });

  test('a login two people have held is refused rather than guessed', async () => {
    await createUser(handle.db, { githubLogin: 'renamed' });
    await createUser(handle.db, { githubLogin: 'renamed' });
    expect(await add('renamed', 'admin')).toMatchObject({ ok: false });
    expect(await listed('renamed')).toBeUndefined();
  });
});
