import { z } from 'zod';

const HOUR_MS = 3_600_000;
const UNIT_MS = { m: 60_000, h: HOUR_MS, d: 24 * HOUR_MS } as const;

/** `24`, `24h`, `90m` or `2d`: a bare number counts hours. */
const duration = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?\s*[mhd]?$/i, 'must be a number of hours or a duration like 24h, 90m or 2d')
  .transform((text) => {
    const unit = (text.at(-1)?.toLowerCase() ?? 'h') as keyof typeof UNIT_MS;
    const ms = unit in UNIT_MS ? parseFloat(text) * UNIT_MS[unit] : parseFloat(text) * HOUR_MS;
    return Math.round(ms);
  })
  .refine((ms) => ms >= 60_000, 'must be at least one minute');

const recoveryEnv = z.object({
  PROMOTION_REQUEST_TTL: z.string().optional().default('24h').pipe(duration),
  RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .optional()
    .default(30),
});

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
export function recoverySettingsFromEnv(env: Record<string, string | undefined>): RecoverySettings {
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
