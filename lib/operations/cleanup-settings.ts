import { z } from 'zod';

/** What one cleanup run may do, from the settings and the pull-request sync's schedule. */
export interface CleanupSettings {
  /** The most a run deletes (previews and orphans together); the rest wait for the next run. */
  maxDeletions: number;
  /** The pull-request sync must have succeeded this recently (twice its schedule). */
  pullRequestSyncMaxAgeMs: number;
}

export const DEFAULT_CLEANUP_MAX_DELETIONS = 10;

export const cleanupEnvSchema = z.object({
  CLEANUP_MAX_DELETIONS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(1).max(1000).default(DEFAULT_CLEANUP_MAX_DELETIONS),
  ),
});

/** CLEANUP_MAX_DELETIONS (default 10); a bad value throws a ZodError naming the variable. */
export function cleanupMaxDeletionsFromEnv(env: Record<string, string | undefined>): number {
  return cleanupEnvSchema.parse(env).CLEANUP_MAX_DELETIONS;
}
