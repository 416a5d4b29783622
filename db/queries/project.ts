import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Database } from '../client';
import { compiledStatement } from '../compiled-statement';
import { type Project, projects } from '../schema';

// Every page and API request reads the project: its SQL is built once.
const firstProject = compiledStatement<Project>((db) =>
  db.select().from(projects).orderBy(asc(projects.id)).limit(1),
);
const projectBySlug = compiledStatement<Project>((db) =>
  db
    .select()
    .from(projects)
    .where(eq(projects.slug, sql.placeholder('slug')))
    .limit(1),
);

/** The project the board shows: ENVBOARD_PROJECT names it by slug; otherwise the first one. */
export async function readCurrentProject(
  db: Database,
  slug = process.env.ENVBOARD_PROJECT,
): Promise<Project | undefined> {
  const [row] = slug ? await projectBySlug(db, { slug }) : await firstProject(db, {});
  return row;
}

/**
 * The request's read of the project, shared by whoever reads it first. React keeps one per
 * request while a page renders; outside a render (route handlers, jobs) every call reads.
 */
const requestProject = cache((): { read?: Promise<Project | undefined> } => ({}));

/**
 * The project the board shows (readCurrentProject), read once per request: the layout, the
 * signed-in actor and the page all ask for it. Undefined on an empty database so pages can say
 * how to fill it.
 */
export function getCurrentProject(db: Database): Promise<Project | undefined> {
  const slot = requestProject();
  return (slot.read ??= readCurrentProject(db));
}

/** Lets a read that fetched the project along with something else answer getCurrentProject. */
export function shareCurrentProject(read: Promise<Project | undefined>): void {
  requestProject().read ??= read;
}
