import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { cache } from 'react';
import type { Database } from '../client';
import { type Project, projects } from '../schema';

/**
 * The project the board shows: ENVBOARD_PROJECT names it by slug; otherwise the first one.
 * Returns undefined on an empty database so pages can say how to fill it. Read once per request:
 * the layout, the signed-in actor and the page all ask for it.
 */
export const getCurrentProject = cache(async function getCurrentProject(
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
});
