import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { boardSettings } from '@/lib/settings/settings';
import type { Database } from '../client';
import { compiledStatement } from '../compiled-statement';
import { type Project, projects } from '../schema';

/**
 * Which project the board shows: the one ENVBOARD_PROJECT names by slug, otherwise the first.
 * As a filter (its slug a `slug` placeholder) and an order whose first row is the pick, for the
 * statements that read the project, alone or with more joined onto it.
 */
export function boardProjectPick(bySlug: boolean) {
  return {
    where: bySlug ? eq(projects.slug, sql.placeholder('slug')) : undefined,
    orderBy: asc(projects.id),
  };
}

/** The slug the board's project is picked by, if ENVBOARD_PROJECT names one. */
export const boardProjectSlug = (): string | undefined => boardSettings().ENVBOARD_PROJECT;

// Every page and API request reads the project: its SQL is built once.
const projectStatement = (bySlug: boolean) =>
  compiledStatement<Project>((db) => {
    const pick = boardProjectPick(bySlug);
    return db.select().from(projects).where(pick.where).orderBy(pick.orderBy).limit(1);
  });
const firstProject = projectStatement(false);
const projectBySlug = projectStatement(true);

/** The project the board shows (boardProjectPick). */
export async function readCurrentProject(
  db: Database,
  slug = boardProjectSlug(),
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
