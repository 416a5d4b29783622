import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { compiledStatement } from '@/db/compiled-statement';
import type { Database } from '@/db/client';
import { boardProjectPick, boardProjectSlug } from '@/db/queries/project';
import { type Project, memberships, projects, users } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { type Role, roleRank } from '@/lib/domain/roles';

/** A user together with their role on one project: an Actor before the project is known. */
export type Member = Omit<Actor, 'projectId'>;

const memberColumns = {
  userId: users.id,
  githubId: users.githubId,
  login: users.githubLogin,
  name: users.name,
  avatarUrl: users.avatarUrl,
  role: memberships.role,
};

interface ProjectMemberRow {
  project: Project;
  userId: number | null;
  githubId: number | null;
  login: string | null;
  name: string | null;
  avatarUrl: string | null;
  role: Role | null;
}

/** The board's project with the GitHub user's membership on it, in one round trip. */
const projectMember = (bySlug: boolean) =>
  compiledStatement<ProjectMemberRow>((db) => {
    const pick = boardProjectPick(bySlug);
    return db
      .select({ project: projects, ...memberColumns })
      .from(projects)
      .leftJoin(users, eq(users.githubId, sql.placeholder('githubId')))
      .leftJoin(
        memberships,
        and(eq(memberships.projectId, projects.id), eq(memberships.userId, users.id)),
      )
      .where(pick.where)
      .orderBy(pick.orderBy)
      .limit(1);
  });
const firstProjectMember = projectMember(false);
const projectMemberBySlug = projectMember(true);

/**
 * The board's project (boardProjectPick) and the membership on it of the GitHub user with this
 * numeric id: what every signed-in request checks, read together. `member` is undefined without
 * a membership; all three are undefined on an empty database.
 */
export async function findProjectMember(
  db: Database,
  githubId: number,
  slug = boardProjectSlug(),
): Promise<{
  project: Project | undefined;
  member: Member | undefined;
  /** The user with that id, with or without a membership. */
  user: Pick<Member, 'userId' | 'login' | 'name'> | undefined;
}> {
  const [row] = slug
    ? await projectMemberBySlug(db, { githubId, slug })
    : await firstProjectMember(db, { githubId });
  if (!row) return { project: undefined, member: undefined, user: undefined };
  const { project, userId, login, name, avatarUrl, role } = row;
  if (userId === null || login === null || name === null) {
    return { project, member: undefined, user: undefined };
  }
  const member = role ? { userId, githubId, login, name, avatarUrl, role } : undefined;
  return { project, member, user: { userId, login, name } };
}

/**
 * The members of the project whose stored login is `login`. Usually one; two only when a login
 * was renamed and taken by someone else before the first holder signed in again.
 */
export async function findMembersByLogin(
  db: Database,
  projectId: number,
  login: string,
): Promise<Member[]> {
  return db
    .select(memberColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.projectId, projectId), eq(users.githubLogin, login)))
    .limit(2);
}

/** Everyone with a role on the project, strongest role first, then by name. */
export async function listMembers(db: Database, projectId: number): Promise<Member[]> {
  const rows = await db
    .select(memberColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(users.name));
  return rows.sort((a, b) => roleRank(b.role) - roleRank(a.role));
}
