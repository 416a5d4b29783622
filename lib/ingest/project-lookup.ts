import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Project, projects } from '@/db/schema';

/** The project connected to a GitHub repository (`owner/name`; GitHub names ignore case). */
export async function projectForRepository(
  db: Database,
  fullName: string,
): Promise<Project | undefined> {
  const [owner, repo] = fullName.toLowerCase().split('/');
  const [row] = await db
    .select()
    .from(projects)
    .where(
      and(
        eq(sql`lower(${projects.githubOwner})`, owner),
        eq(sql`lower(${projects.githubRepo})`, repo),
      ),
    )
    .orderBy(asc(projects.id))
    .limit(1);
  return row;
}

export async function projectForVercelProject(
  db: Database,
  vercelProjectId: string,
): Promise<Project | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(eq(projects.vercelProjectId, vercelProjectId))
    .orderBy(asc(projects.id))
    .limit(1);
  return row;
}
