import { currentEnv, type Env } from '@/lib/settings/env';
import { operationsEnv } from '@/lib/settings/schemas';

/** What one cleanup run may do, from the settings and the pull-request sync's schedule. */
export interface CleanupSettings {
  /** The most a run deletes (previews and orphans together); the rest wait for the next run. */
  maxDeletions: number;
  /** The pull-request sync must have succeeded this recently (twice its schedule). */
  pullRequestSyncMaxAgeMs: number;
}

const cleanupEnv = operationsEnv.pick({ CLEANUP_MAX_DELETIONS: true });

/** CLEANUP_MAX_DELETIONS (default 10); a bad value throws a ZodError naming the variable. */
export function cleanupMaxDeletionsFromEnv(env: Env = currentEnv()): number {
  return cleanupEnv.parse(env).CLEANUP_MAX_DELETIONS;
}
