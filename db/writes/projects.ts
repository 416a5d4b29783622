import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client';
import {
  memberships,
  type NewMembership,
  type NewProject,
  type NewUser,
  projects,
  type Project,
  type User,
  users,
} from '../schema';

export async function upsertProject(db: Database, input: NewProject): Promise<Project> {
  const [row] = await db
    .insert(projects)
    .values(input)
    .onConflictDoUpdate({
      target: projects.slug,
      set: {
        name: sql`excluded.name`,
        githubOwner: sql`excluded.github_owner`,
        githubRepo: sql`excluded.github_repo`,
        productionBranch: sql`excluded.production_branch`,
        vercelProjectId: sql`excluded.vercel_project_id`,
        vercelTeamId: sql`excluded.vercel_team_id`,
        neonProjectId: sql`excluded.neon_project_id`,
      },
    })
    .returning();
  return row!;
}

/**
 * Writes a user keyed by their GitHub numeric id, refreshing the login, name, email and avatar:
 * the id stays with the person when their login is renamed.
 */
export async function upsertUser(
  db: Database,
  input: NewUser & { githubId: number },
): Promise<User> {
  const [row] = await db
    .insert(users)
    .values(input)
    .onConflictDoUpdate({
      target: users.githubId,
      set: {
        githubLogin: sql`excluded.github_login`,
        name: sql`excluded.name`,
        email: sql`excluded.email`,
        avatarUrl: sql`excluded.avatar_url`,
      },
    })
    .returning();
  return row!;
}

/**
 * A user written before envboard recorded GitHub ids is claimed by the first sign-in with its
 * login, which records the id: from then on only that id matches it. Claiming by login trusts
 * the login once, at the first sign-in after the upgrade; a login renamed and taken by someone
 * else before then would pass the row to them, so the window is that first sign-in.
 */
export async function claimLegacyUser(
  db: Database,
  githubId: number,
  login: string,
): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ githubId })
    .where(and(eq(users.githubLogin, login), isNull(users.githubId)))
    .returning();
  return row;
}

/** A role given by hand: it replaces any role on the project, and no team sync touches it. */
export async function setMembership(
  db: Database,
  input: Pick<NewMembership, 'userId' | 'projectId' | 'role'>,
): Promise<void> {
  await db
    .insert(memberships)
    .values({ ...input, source: 'manual', team: null })
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.projectId],
      set: { role: sql`excluded.role`, source: sql`excluded.source`, team: sql`excluded.team` },
    });
}

/**
 * Removes a project and everything recorded for it: every project-scoped table cascades from
 * `projects`. Users stay, since they may belong to other projects. Returns whether it existed.
 */
export async function deleteProject(db: Database, slug: string): Promise<boolean> {
  const deleted = await db
    .delete(projects)
    .where(eq(projects.slug, slug))
    .returning({ id: projects.id });
  return deleted.length > 0;
}

/** Whether the project's status badges are served to callers without a session. */
export async function setBadgesPublic(
  db: Database,
  projectId: number,
  badgesPublic: boolean,
): Promise<void> {
  await db.update(projects).set({ badgesPublic }).where(eq(projects.id, projectId));
}
