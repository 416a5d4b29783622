import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type Project, projects } from '../schema';

/**
 * The project the board shows: ENVBOARD_PROJECT names it by slug; otherwise the first one.
 * Returns undefined on an empty database so pages can say how to fill it.
 */
export async function getCurrentProject(
  db: Database,
  slug = process.env.ENVBOARD_PROJECT,
): Promise<Project | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(slug ? eq(projects.slug, slug) : undefined)
    .orderBy(asc(projects.id))
    .limit(1);
  return row;
}
