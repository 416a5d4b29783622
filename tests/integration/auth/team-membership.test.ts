import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listOperations } from '@/db/queries/audit';
import { memberships, type Project, type User } from '@/db/schema';
import { setMembership } from '@/db/writes';
import { applyTeamGrant } from '@/lib/auth/team-membership';
import type { TeamGrant } from '@/lib/auth/team-roles';
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

const apply = (user: User, grant: TeamGrant | undefined) =>
  applyTeamGrant(handle.db, {
    projectId: project.id,
    user: { id: user.id, login: user.githubLogin },
    grant,
    now: at(60),
  });

async function membershipOf(user: User) {
  const [row] = await handle.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.projectId, project.id)));
  return row && { role: row.role, source: row.source, team: row.team };
}

async function auditOf(user: User) {
  const page = await listOperations(handle.db, project.id, { action: 'membership' }, { limit: 50 });
  return page.rows.filter(
    (entry) =>
      entry.before?.member === user.githubLogin || entry.after?.member === user.githubLogin,
  );
}

const ops = { role: 'admin', team: 'acme/ops' } as const;
const release = { role: 'release_manager', team: 'acme/release' } as const;
const devs = { role: 'developer', team: 'acme/devs' } as const;

describe('recomputing a team-given role', () => {
  test('a team grant adds a team membership, audited as made by the system', async () => {
    const user = await createUser(handle.db);
    expect(await apply(user, release)).toMatchObject({ before: null, after: release });
    expect(await membershipOf(user)).toEqual({ ...release, source: 'team' });
    const [entry] = await auditOf(user);
    expect(entry).toMatchObject({
      kind: 'membership',
      state: 'succeeded',
      actorLogin: null,
      before: { member: user.githubLogin },
      after: { member: user.githubLogin, role: 'release_manager', team: 'acme/release' },
    });
    expect(entry!.reason).toContain('acme/release');
  });

  test('a stronger team raises the role; a weaker one lowers it; each change is audited', async () => {
    const user = await createUser(handle.db);
    await apply(user, devs);
    await apply(user, ops);
    expect(await membershipOf(user)).toEqual({ ...ops, source: 'team' });
    await apply(user, release);
    expect(await membershipOf(user)).toEqual({ ...release, source: 'team' });
    const entries = await auditOf(user);
    expect(entries.map((entry) => [entry.before?.role ?? null, entry.after?.role])).toEqual([
      ['admin', 'release_manager'],
      ['developer', 'admin'],
      [null, 'developer'],
    ]);
  });

  test('no team granting any more removes the membership, naming the team it came from', async () => {
    const user = await createUser(handle.db);
    await apply(user, ops);
    expect(await apply(user, undefined)).toMatchObject({ before: ops, after: null });
    expect(await membershipOf(user)).toBeUndefined();
    const [removal] = await auditOf(user);
    expect(removal).toMatchObject({
      before: { role: 'admin', team: 'acme/ops' },
      after: { member: user.githubLogin },
      actorLogin: null,
    });
    expect(removal!.reason).toContain('acme/ops');
  });

  test('an unchanged grant changes nothing and writes no audit row', async () => {
    const user = await createUser(handle.db);
    await apply(user, release);
    expect(await apply(user, release)).toBeNull();
    expect(await auditOf(user)).toHaveLength(1);
  });

  test('a role given by hand is never touched: not removed, lowered or raised', async () => {
    const user = await createUser(handle.db);
    await setMembership(handle.db, { userId: user.id, projectId: project.id, role: 'developer' });
    expect(await apply(user, undefined)).toBeNull();
    expect(await apply(user, ops)).toBeNull();
    expect(await membershipOf(user)).toEqual({ role: 'developer', source: 'manual', team: null });
    expect(await auditOf(user)).toEqual([]);
  });
});
