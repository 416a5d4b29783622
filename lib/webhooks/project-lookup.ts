import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Project, projects } from '@/db/schema';

/**
 * Every delivery names its project by repository or Vercel project id, and projects are few and
 * rarely change, so a found project is kept for a short while instead of read per delivery. A
 * changed setting shows within PROJECT_CACHE_MS; a delivery whose apply fails drops the cache
 * (forgetProjects), so its retry reads the project afresh. Not finding one is never kept: a
 * project connected a moment ago gets its next delivery.
 */
const PROJECT_CACHE_MS = 30_000;

const found = new Map<string, { project: Project; until: number }>();

export function forgetProjects(): void {
  found.clear();
}

async function cached(
  key: string,
  load: () => Promise<Project | undefined>,
): Promise<Project | undefined> {
  const now = Date.now();
  const hit = found.get(key);
  if (hit && hit.until > now) return hit.project;
  const project = await load();
  if (project) found.set(key, { project, until: now + PROJECT_CACHE_MS });
  else found.delete(key);
  return project;
}

/** The project connected to a GitHub repository (`owner/name`; GitHub names ignore case). */
export async function projectForRepository(
  db: Database,
  fullName: string,
): Promise<Project | undefined> {
  const [owner, repo] = fullName.toLowerCase().split('/');
  return cached(`github:${owner}/${repo}`, async () => {
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
  });
}

export async function projectForVercelProject(
  db: Database,
  vercelProjectId: string,
): Promise<Project | undefined> {
  return cached(`vercel:${vercelProjectId}`, async () => {
    const [row] = await db
      .select()
      .from(projects)
      .where(eq(projects.vercelProjectId, vercelProjectId))
      .orderBy(asc(projects.id))
      .limit(1);
    return row;
  });
}
