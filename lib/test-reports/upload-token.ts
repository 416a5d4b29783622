import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Project, projects } from '@/db/schema';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { boardSettings } from '@/lib/settings/settings';

/** The name `npm run upload-token` gives its tokens on the API tokens page and in the audit log. */
export const UPLOAD_TOKEN_NAME = 'CI upload token';

/**
 * A new API token with the `report` scope, which CI uploads test reports with: only its hash is
 * stored, so the returned token is the one and only time it can be read. Earlier tokens keep
 * working until an admin revokes them on the API tokens page.
 */
export async function issueUploadToken(
  db: Database,
  project: Pick<Project, 'id'>,
  now = new Date(),
): Promise<string> {
  const { token } = await issueApiToken(db, {
    projectId: project.id,
    name: UPLOAD_TOKEN_NAME,
    scopes: ['report'],
    expiresAt: null,
    createdBy: 'envboard',
    actorId: null,
    now,
  });
  return token;
}

/**
 * The project a new token is for: the slug given, else ENVBOARD_PROJECT, else the only project.
 * With several projects and no slug, the error lists the slugs to choose from.
 */
export async function projectForNewToken(db: Database, slug?: string): Promise<Project> {
  const wanted = slug ?? boardSettings().ENVBOARD_PROJECT;
  const rows = await db
    .select()
    .from(projects)
    .where(wanted ? eq(projects.slug, wanted) : undefined)
    .orderBy(asc(projects.id));
  if (rows.length === 1) return rows[0]!;
  if (wanted) throw new Error(`No project with the slug "${wanted}".`);
  if (rows.length === 0) throw new Error('No project yet: run `npm run db:seed` or connect one.');
  const slugs = rows.map((row) => row.slug).join(', ');
  throw new Error(
    `Several projects (${slugs}): name one, e.g. \`npm run upload-token -- ${rows[0]!.slug}\`.`,
  );
}
