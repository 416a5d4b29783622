import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type ApiToken, apiTokens } from '../schema';

/** The token whose SHA-256 this is, of any project, revoked or not: the caller decides. */
export async function findApiTokenByHash(
  db: Database,
  tokenHash: string,
): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

/** A project's tokens as the admin page lists them, newest first; the hash stays behind. */
export async function listApiTokens(db: Database, projectId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      lastFour: apiTokens.lastFour,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.projectId, projectId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
