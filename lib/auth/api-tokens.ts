import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from '@/db/client';
import { findApiTokenByHash } from '@/db/queries/api-tokens';
import type { ApiToken } from '@/db/schema';
import { insertApiToken, revokeApiTokenRow, touchApiToken } from '@/db/writes/api-tokens';
import { insertOperation } from '@/db/writes/operations';
import {
  type ApiTokenScope,
  apiTokenActorName,
  apiTokenStatus,
  isApiTokenScope,
} from '@/lib/domain/api-tokens';

/**
 * Project API tokens: `envb_api_` and 32 random bytes (base64url). Only the SHA-256 is stored,
 * so a token is readable once, when issued. The prefix tells secret scanners and people what a
 * leaked string is.
 */
export const API_TOKEN_PREFIX = 'envb_api_';

/** A token's last use is written at most once a minute. */
const LAST_USED_GRANULARITY_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** `Authorization: Bearer <token>` → the token, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export interface IssueApiTokenInput {
  projectId: number;
  name: string;
  scopes: readonly ApiTokenScope[];
  expiresAt: Date | null;
  /** Who created it, as the token list shows: a login, or `envboard` for the CLI. */
  createdBy: string;
  /** The admin who created it, for the audit log; null for the CLI. */
  actorId: number | null;
  now: Date;
}

/**
 * A new token for the project, and its audit entry, in one transaction. The returned `token` is
 * the one and only time it can be read.
 */
export async function issueApiToken(
  db: Database,
  input: IssueApiTokenInput,
): Promise<{ token: string; record: ApiToken }> {
  const token = generateApiToken();
  const record = await db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      projectId: input.projectId,
      name: input.name,
      scopes: [...input.scopes],
      tokenHash: hashApiToken(token),
      lastFour: token.slice(-4),
      expiresAt: input.expiresAt,
      createdBy: input.createdBy,
      createdAt: input.now,
    });
    await auditTokenChange(tx, row, input.actorId, input.now, {
      reason: `Created API token ${row.name} (${row.scopes.join(', ')})`,
      before: null,
      after: tokenFacts(row),
    });
    return row;
  });
  return { token, record };
}

/** Revokes one of the project's live tokens, audited; undefined when there is none to revoke. */
export async function revokeApiToken(
  db: Database,
  input: { projectId: number; tokenId: number; actorId: number | null; now: Date },
): Promise<ApiToken | undefined> {
  return db.transaction(async (tx) => {
    const row = await revokeApiTokenRow(tx, input.projectId, input.tokenId, input.now);
    if (!row) return undefined;
    await auditTokenChange(tx, row, input.actorId, input.now, {
      reason: `Revoked API token ${row.name}`,
      before: tokenFacts(row),
      after: { ...tokenFacts(row), revoked: true },
    });
    return row;
  });
}

/**
 * The live token this string is, or undefined: unknown, revoked or expired. The lookup is by the
 * SHA-256 (which says nothing about the token), and the stored hash is compared again in
 * constant time. A use is recorded at most once a minute.
 */
export async function verifyApiToken(
  db: Database,
  token: string | undefined,
  now: Date,
): Promise<ApiToken | undefined> {
  if (!token) return undefined;
  const presented = hashApiToken(token);
  const row = await findApiTokenByHash(db, presented);
  if (!row || !sameHash(row.tokenHash, presented)) return undefined;
  if (apiTokenStatus(row, now) !== 'active') return undefined;
  const stale =
    !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS;
  if (stale) await touchApiToken(db, row.id, now, LAST_USED_GRANULARITY_MS);
  return row;
}

/** A stored token's scopes, ignoring any word that is not one (rows are jsonb). */
export function scopesOf(token: Pick<ApiToken, 'scopes'>): ApiTokenScope[] {
  return token.scopes.filter(isApiTokenScope);
}

export const tokenActorName = (token: Pick<ApiToken, 'name'>): string =>
  apiTokenActorName(token.name);

function sameHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(presented, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenFacts(row: ApiToken) {
  return {
    token: row.name,
    scopes: row.scopes,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** An `api_token` audit entry, written finished in the same transaction as the change. */
async function auditTokenChange(
  db: Database,
  row: ApiToken,
  actorId: number | null,
  now: Date,
  change: {
    reason: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  },
): Promise<void> {
  await insertOperation(db, {
    projectId: row.projectId,
    environmentId: null,
    kind: 'api_token',
    state: 'succeeded',
    idempotencyKey: `api_token:${row.projectId}:${row.id}:${randomUUID()}`,
    actorId,
    reason: change.reason,
    before: change.before,
    after: change.after,
    requestedAt: now,
    startedAt: now,
    finishedAt: now,
  });
}
