import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { type Project, projects } from '@/db/schema';
import { HttpError } from './json-route';

/**
 * The project a request is about: the caller's own (`actor.projectId`) when there is a caller,
 * which for a session is the board's project and for an API token the token's; else (a cron)
 * the board's. A 404 that says how to get one when there is none.
 */
export async function requireProject(db: Database, projectId?: number): Promise<Project> {
  const board = await getCurrentProject(db);
  const project =
    projectId === undefined || board?.id === projectId
      ? board
      : (await db.select().from(projects).where(eq(projects.id, projectId)))[0];
  if (!project) {
    throw new HttpError(
      404,
      'project_not_found',
      'No project in the database yet: run `npm run db:seed` or connect a project.',
    );
  }
  return project;
}
