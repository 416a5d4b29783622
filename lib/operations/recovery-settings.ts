import { currentEnv, type Env } from '@/lib/settings/env';
import { operationsEnv } from '@/lib/settings/schemas';

const HOUR_MS = 3_600_000;

const recoveryEnv = operationsEnv.pick({ PROMOTION_REQUEST_TTL: true, RETENTION_DAYS: true });

export interface RecoverySettings {
  /** How long a promotion request waits for approval before it expires and frees production. */
  promotionRequestTtlMs: number;
  /** How long webhook deliveries and sync runs are kept. */
  retentionDays: number;
}

/**
 * PROMOTION_REQUEST_TTL (default 24 h) and RETENTION_DAYS (default 30), validated: a malformed
 * value throws a ZodError naming the variable, which the sync run reports as its reason.
 */
export function recoverySettingsFromEnv(env: Env = currentEnv()): RecoverySettings {
  const parsed = recoveryEnv.parse({
    PROMOTION_REQUEST_TTL: env.PROMOTION_REQUEST_TTL || undefined,
    RETENTION_DAYS: env.RETENTION_DAYS || undefined,
  });
  return {
    promotionRequestTtlMs: parsed.PROMOTION_REQUEST_TTL,
    retentionDays: parsed.RETENTION_DAYS,
  };
}

/** A duration as the audit log says it: whole hours as `24 h`, anything else in minutes. */
export function describeDuration(ms: number): string {
  return ms % HOUR_MS === 0 ? `${ms / HOUR_MS} h` : `${Math.round(ms / 60_000)} min`;
}
