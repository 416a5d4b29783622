import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { memberships, type Membership, type NewMembership, type User, users } from '../schema';

/** A role a GitHub team gives, through GITHUB_TEAM_ROLES: `team` is its `org/team`. */
export async function setTeamMembership(
  db: Database,
  input: Pick<NewMembership, 'userId' | 'projectId' | 'role'> & { team: string },
): Promise<void> {
  await db
    .insert(memberships)
    .values({ ...input, source: 'team' })
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.projectId],
      set: { role: input.role, source: 'team', team: input.team },
    });
}

export async function findMembership(
  db: Database,
  userId: number,
  projectId: number,
): Promise<Membership | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.projectId, projectId)));
  return row;
}

export async function deleteMembership(db: Database, id: number): Promise<void> {
  await db.delete(memberships).where(eq(memberships.id, id));
}

/**
 * A person known only by their GitHub login, before their first sign-in: the id is left null
 * and recorded by that sign-in (claimLegacyUser), the one moment a login is trusted.
 */
export async function insertUnclaimedUser(db: Database, login: string): Promise<User> {
  const [row] = await db.insert(users).values({ githubLogin: login, name: login }).returning();
  return row!;
}
