import 'server-only';
import type { Database } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import type { Project } from '@/db/schema';
import { HttpError } from './json-route';

/** The board's project for an API request; a 404 that says how to get one when there is none. */
export async function requireProject(db: Database): Promise<Project> {
  const project = await getCurrentProject(db);
  if (!project) {
    throw new HttpError(
      404,
      'project_not_found',
      'No project in the database yet: run `npm run db:seed` or connect a project.',
    );
  }
  return project;
}
