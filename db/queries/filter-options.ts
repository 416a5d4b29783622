import 'server-only';
import { and, asc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { compiledStatement, type RowOf } from '../compiled-statement';
import { environments, memberships, users } from '../schema';
import { rowsOf } from './rows';

/** The id of a project's environment by slug, as a subquery so the filter stays one statement. */
export function environmentIdBySlug(
  db: Database,
  projectId: number | Placeholder,
  slug: string | Placeholder,
): SQL {
  return sql`(${db
    .select({ id: environments.id })
    .from(environments)
    .where(and(eq(environments.projectId, projectId), eq(environments.slug, slug)))})`;
}

export interface EnvironmentOption {
  slug: string;
  name: string;
  kind: string;
  active: boolean;
}

/** Every environment the project has had, long-lived ones first, for filter menus. */
export async function listEnvironmentOptions(
  db: Database,
  projectId: number,
): Promise<EnvironmentOption[]> {
  return environmentOptions(db, { projectId });
}

// Filter menus are on every list page: their statements are built once.
const environmentOptionsQuery = (db: Database) =>
  db
    .select({
      slug: environments.slug,
      name: environments.name,
      kind: environments.kind,
      active: sql<boolean>`${environments.status} = 'active'`,
    })
    .from(environments)
    .where(eq(environments.projectId, sql.placeholder('projectId')))
    .orderBy(
      sql`case ${environments.kind} when 'production' then 0 when 'staging' then 1 when 'development' then 2 else 3 end`,
      sql`${environments.status} = 'active' desc`,
      asc(environments.name),
    );
const environmentOptions =
  compiledStatement<RowOf<typeof environmentOptionsQuery>>(environmentOptionsQuery);

/**
 * Distinct commit authors, read as a skip scan over the (project, author, created) index: one
 * probe per author instead of a pass over every deployment.
 */
export async function listDeploymentAuthors(db: Database, projectId: number): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive authors(author) as (
      (select commit_author from deployments where project_id = ${projectId}
        order by commit_author limit 1)
      union all
      select (select d.commit_author from deployments d
          where d.project_id = ${projectId} and d.commit_author > a.author
          order by d.commit_author limit 1)
      from authors a where a.author is not null
    )
    select author from authors where author is not null
  `);
  return rowsOf<{ author: string }>(result).map((row) => row.author);
}

export interface MemberOption {
  login: string;
  name: string;
}

/** The project's members, for the audit log's actor filter. */
export async function listProjectMembers(db: Database, projectId: number): Promise<MemberOption[]> {
  return projectMembers(db, { projectId });
}

const projectMembersQuery = (db: Database) =>
  db
    .select({ login: users.githubLogin, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, sql.placeholder('projectId')))
    .orderBy(asc(users.name));
const projectMembers = compiledStatement<RowOf<typeof projectMembersQuery>>(projectMembersQuery);
