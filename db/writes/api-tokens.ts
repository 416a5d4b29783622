import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../client';
import { type ApiToken, apiTokens, type NewApiToken } from '../schema';

export async function insertApiToken(db: Database, row: NewApiToken): Promise<ApiToken> {
  const [inserted] = await db.insert(apiTokens).values(row).returning();
  return inserted!;
}

/** Revokes a live token of the project; undefined when there is none (unknown, or revoked already). */
export async function revokeApiTokenRow(
  db: Database,
  projectId: number,
  tokenId: number,
  now: Date,
): Promise<ApiToken | undefined> {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        eq(apiTokens.projectId, projectId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning();
  return revoked;
}

/**
 * Records a use of the token, at most once per `granularityMs`: a CI job calling in a loop
 * writes one row a minute, not one a request. The condition makes concurrent calls write once.
 */
export async function touchApiToken(
  db: Database,
  tokenId: number,
  now: Date,
  granularityMs: number,
): Promise<void> {
  const staleBefore = new Date(now.getTime() - granularityMs);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore)),
      ),
    );
}
