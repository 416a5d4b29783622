/** Environment rules: pure, so they test in milliseconds. */

export const ENVIRONMENT_KINDS = ['production', 'staging', 'development', 'preview'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

/** A deleted environment keeps its row (and its history); only its resources are gone. */
export const ENVIRONMENT_STATUSES = ['active', 'deleted'] as const;
export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

/** A Neon branch as envboard holds it: being created, usable, or gone. */
export const DB_BRANCH_STATES = ['init', 'ready', 'deleted'] as const;
export type DbBranchState = (typeof DB_BRANCH_STATES)[number];

export const ENVIRONMENT_KIND_LABEL: Record<EnvironmentKind, string> = {
  production: 'Production',
  staging: 'Staging',
  development: 'Development',
  preview: 'Preview',
};

/** Long-lived environments first, in the order a release moves through them backwards. */
export function kindRank(kind: EnvironmentKind): number {
  return ENVIRONMENT_KINDS.indexOf(kind);
}

/** How close a temporary environment is to being cleaned up. */
export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

export const EXPIRY_WARNING_MS = 24 * 3_600_000;

/** `soon` inside the last 24 hours, `expired` once the moment has passed. */
export function expiryState(expiresAt: Date | null | undefined, now: Date): ExpiryState {
  if (!expiresAt) return 'none';
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left < EXPIRY_WARNING_MS ? 'soon' : 'ok';
}
