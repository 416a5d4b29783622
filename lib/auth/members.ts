import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { compiledStatement } from '@/db/compiled-statement';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
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
