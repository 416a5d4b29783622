import type { Role } from './roles';

/**
 * What a project API token may do: `read` the /api/v1 GET routes, upload test `report`s, and
 * `operate` (request promotions, rollbacks, reseeds and deletions; never approve them).
 */
export const API_TOKEN_SCOPES = ['read', 'report', 'operate'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = {
  read: 'Read the API',
  report: 'Upload test reports',
  operate: 'Request operations',
};

/** The lifetimes an admin picks from when creating a token; `none` never expires. */
export const API_TOKEN_EXPIRIES = ['30', '90', '365', 'none'] as const;
export type ApiTokenExpiry = (typeof API_TOKEN_EXPIRIES)[number];

export const API_TOKEN_EXPIRY_LABELS: Record<ApiTokenExpiry, string> = {
  '30': '30 days',
  '90': '90 days',
  '365': '1 year',
  none: 'Never',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a token created at `now` with this lifetime stops working; null for never. */
export function apiTokenExpiresAt(expiry: ApiTokenExpiry, now: Date): Date | null {
  return expiry === 'none' ? null : new Date(now.getTime() + Number(expiry) * DAY_MS);
}

export type ApiTokenStatus = 'active' | 'revoked' | 'expired';

/** Revoked wins over expired: it is what someone did on purpose. */
export function apiTokenStatus(
  token: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/**
 * The role a token acts with where an operation checks one. `operate` may request what a release
 * manager may request (a promotion still waits for a person's approval); other tokens hold no
 * more than a viewer. A token is never an admin.
 */
export function apiTokenRole(scopes: readonly ApiTokenScope[]): Role {
  return scopes.includes('operate') ? 'release_manager' : 'viewer';
}

/** How a token appears wherever a person's name would: the audit log, an operation's banner. */
export const API_TOKEN_ACTOR_PREFIX = 'API token ';

export function apiTokenActorName(name: string): string {
  return `${API_TOKEN_ACTOR_PREFIX}${name}`;
}

export function isApiTokenScope(value: unknown): value is ApiTokenScope {
  return typeof value === 'string' && (API_TOKEN_SCOPES as readonly string[]).includes(value);
}
