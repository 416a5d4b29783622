import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Project, projects } from '@/db/schema';
import { setUploadTokenHash } from '@/db/writes';
import { boardSettings } from '@/lib/settings/settings';

/**
 * The prefix says what a leaked string is, so secret scanners and people can tell. It keeps the
 * word tokens were first issued with, so scanners' rules and existing tokens stay valid.
 */
const TOKEN_PREFIX = 'envb_ingest_';

export function hashUploadToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateUploadToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * A new token for the project: only its hash is stored, so the returned token is the one and
 * only time it can be read. Issuing again replaces (and so revokes) the previous token.
 */
export async function issueUploadToken(db: Database, project: Pick<Project, 'id'>) {
  const token = generateUploadToken();
  await setUploadTokenHash(db, project.id, hashUploadToken(token));
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

/** `Authorization: Bearer <token>` → the token, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The project whose upload token this is. Hashes are compared in constant time, and every
 * project's hash is compared, so the answer's timing says nothing about which one matched.
 */
export async function findProjectByUploadToken(
  db: Database,
  token: string | undefined,
): Promise<Project | undefined> {
  if (!token) return undefined;
  const presented = Buffer.from(hashUploadToken(token), 'hex');
  const candidates = await db
    .select({ id: projects.id, hash: projects.uploadTokenHash })
    .from(projects)
    .where(isNotNull(projects.uploadTokenHash))
    .orderBy(asc(projects.id));
  let matchId: number | undefined;
  for (const candidate of candidates) {
    const stored = Buffer.from(candidate.hash ?? '', 'hex');
    const equal = stored.length === presented.length && timingSafeEqual(stored, presented);
    if (equal && matchId === undefined) matchId = candidate.id;
  }
  if (matchId === undefined) return undefined;
  const [project] = await db.select().from(projects).where(eq(projects.id, matchId));
  return project;
}
