import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { compiledStatement } from '@/db/compiled-statement';
import type { Database } from '@/db/client';
import { boardProjectPick, boardProjectSlug } from '@/db/queries/project';
import { type Project, memberships, projects, users } from '@/db/schema';
import { type Role, roleRank } from './roles';

/** A user together with their role on one project. */
export interface Member {
  userId: number;
  login: string;
  name: string;
  avatarUrl: string | null;
  role: Role;
}

const memberColumns = {
  userId: users.id,
  login: users.githubLogin,
  name: users.name,
  avatarUrl: users.avatarUrl,
  role: memberships.role,
};

// Every signed-in request looks its member up: the SQL is built once.
const memberByLogin = compiledStatement<Member>((db) =>
  db
    .select(memberColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.projectId, sql.placeholder('projectId')),
        eq(users.githubLogin, sql.placeholder('login')),
      ),
    )
    .limit(1),
);

interface ProjectMemberRow {
  project: Project;
  userId: number | null;
  login: string | null;
  name: string | null;
  avatarUrl: string | null;
  role: Role | null;
}

/** The board's project with the login's membership on it, in one round trip. */
const projectMember = (bySlug: boolean) =>
  compiledStatement<ProjectMemberRow>((db) => {
    const pick = boardProjectPick(bySlug);
    return db
      .select({ project: projects, ...memberColumns })
      .from(projects)
      .leftJoin(users, eq(users.githubLogin, sql.placeholder('login')))
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
 * The board's project (boardProjectPick) and the login's membership on it: what
 * every signed-in request checks, read together. `member` is undefined without a membership;
 * both are undefined on an empty database.
 */
export async function findProjectMember(
  db: Database,
  login: string,
  slug = boardProjectSlug(),
): Promise<{ project: Project | undefined; member: Member | undefined }> {
  const [row] = slug
    ? await projectMemberBySlug(db, { login, slug })
    : await firstProjectMember(db, { login });
  if (!row) return { project: undefined, member: undefined };
  const { project, userId, login: memberLogin, name, avatarUrl, role } = row;
  const member =
    role && userId !== null && memberLogin !== null && name !== null
      ? { userId, login: memberLogin, name, avatarUrl, role }
      : undefined;
  return { project, member };
}

/** The member with this GitHub login on the project; undefined without a membership. */
export async function findMember(
  db: Database,
  projectId: number,
  login: string,
): Promise<Member | undefined> {
  const [row] = await memberByLogin(db, { projectId, login });
  return row;
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
