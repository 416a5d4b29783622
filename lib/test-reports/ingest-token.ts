import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Project, projects } from '@/db/schema';
import { setIngestTokenHash } from '@/db/writes';

/** The prefix says what a leaked string is, so secret scanners and people can tell. */
const TOKEN_PREFIX = 'envb_ingest_';

export function hashIngestToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateIngestToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * A new token for the project: only its hash is stored, so the returned token is the one and
 * only time it can be read. Issuing again replaces (and so revokes) the previous token.
 */
export async function issueIngestToken(db: Database, project: Pick<Project, 'id'>) {
  const token = generateIngestToken();
  await setIngestTokenHash(db, project.id, hashIngestToken(token));
  return token;
}

/** `Authorization: Bearer <token>` → the token, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The project whose ingest token this is. Hashes are compared in constant time, and every
 * project's hash is compared, so the answer's timing says nothing about which one matched.
 */
export async function findProjectByIngestToken(
  db: Database,
  token: string | undefined,
): Promise<Project | undefined> {
  if (!token) return undefined;
  const presented = Buffer.from(hashIngestToken(token), 'hex');
  const candidates = await db
    .select({ id: projects.id, hash: projects.ingestTokenHash })
    .from(projects)
    .where(isNotNull(projects.ingestTokenHash))
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
