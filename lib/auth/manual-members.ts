import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { deleteMembership, findMembership, insertUnclaimedUser, setMembership } from '@/db/writes';
import { insertOperation } from '@/db/writes/operations';
import { ROLE_LABELS, type Role, roleRank } from '@/lib/domain/roles';

/**
 * Roles given by hand from the command line (`npm run member`): how the first admin gets in,
 * and how anyone without a mapped GitHub team is let in or out. Each change is audited as a
 * role change made by the system, like the team sync's.
 */

export interface MemberListing {
  login: string;
  role: Role;
  source: 'manual' | 'team';
  team: string | null;
  /** False until the person's first GitHub sign-in records their numeric id. */
  signedIn: boolean;
}

type Outcome = { ok: true; message: string } | { ok: false; error: string };

/** The project's users with this login: usually one, two only after a login changed hands. */
async function usersWithLogin(db: Database, login: string) {
  return db
    .select()
    .from(users)
    .where(eq(users.githubLogin, login))
    .orderBy(asc(users.id))
    .limit(2);
}

export async function addMember(
  db: Database,
  input: { projectId: number; login: string; role: Role; now: Date },
): Promise<Outcome> {
  const { projectId, login, role, now } = input;
  return db.transaction(async (tx) => {
    const found = await usersWithLogin(tx, login);
    if (found.length > 1) {
      return {
        ok: false,
        error: `Two people have held the login @${login}; sign-in tells them apart.`,
      };
    }
    const user = found[0] ?? (await insertUnclaimedUser(tx, login));
    const current = await findMembership(tx, user.id, projectId);
    if (current?.source === 'manual' && current.role === role) {
      return { ok: true, message: `@${login} already has ${ROLE_LABELS[role]}.` };
    }
    await setMembership(tx, { userId: user.id, projectId, role });
    const before = current
      ? { member: login, role: current.role, team: current.team }
      : { member: login };
    await audit(tx, projectId, now, {
      reason: `@${login} given ${ROLE_LABELS[role]} by hand`,
      before,
      after: { member: login, role },
    });
    const note = user.githubId === null ? ' It counts from their first GitHub sign-in.' : '';
    return { ok: true, message: `@${login} now has ${ROLE_LABELS[role]}.${note}` };
  });
}

export async function removeMember(
  db: Database,
  input: { projectId: number; login: string; now: Date },
): Promise<Outcome> {
  const { projectId, login, now } = input;
  return db.transaction(async (tx) => {
    const found = await usersWithLogin(tx, login);
    const held = [];
    for (const user of found) {
      const membership = await findMembership(tx, user.id, projectId);
      if (membership) held.push(membership);
    }
    const membership = held[0];
    if (!membership) return { ok: false, error: `@${login} has no role on this project.` };
    if (held.length > 1) {
      return { ok: false, error: `Two members have held the login @${login}; remove one by hand.` };
    }
    await deleteMembership(tx, membership.id);
    await audit(tx, projectId, now, {
      reason: `@${login} lost ${ROLE_LABELS[membership.role]}: removed by hand`,
      before: { member: login, role: membership.role, team: membership.team },
      after: { member: login },
    });
    const team = membership.team
      ? ` ${membership.team} gives it back at their next sign-in unless they leave that team.`
      : '';
    return { ok: true, message: `@${login} no longer has a role.${team}` };
  });
}

/** Everyone with a role on the project, strongest role first, then by login. */
export async function listMemberships(db: Database, projectId: number): Promise<MemberListing[]> {
  const rows = await db
    .select({
      login: users.githubLogin,
      githubId: users.githubId,
      role: memberships.role,
      source: memberships.source,
      team: memberships.team,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(users.githubLogin));
  return rows
    .map(({ githubId, ...row }) => ({ ...row, signedIn: githubId !== null }))
    .sort((a, b) => roleRank(b.role) - roleRank(a.role));
}

async function audit(
  db: Database,
  projectId: number,
  now: Date,
  change: { reason: string; before: Record<string, unknown>; after: Record<string, unknown> },
): Promise<void> {
  await insertOperation(db, {
    projectId,
    environmentId: null,
    kind: 'membership',
    state: 'succeeded',
    idempotencyKey: `membership:${projectId}:manual:${randomUUID()}`,
    actorId: null,
    ...change,
    requestedAt: now,
    startedAt: now,
    finishedAt: now,
  });
}
