import { getDatabase } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { cleanupJob } from '@/lib/operations/cleanup-job';
import { providers } from '@/lib/providers/from-env';
import { cleanupSettings } from '@/lib/sync/cron-syncs';
import { attemptSync } from '@/lib/sync/run-sync';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/cleanup (Vercel Cron, CRON_SECRET): removes closed, idle and orphaned previews,
 * at most CLEANUP_MAX_DELETIONS a run; one sync_runs row of kind 'operations.cleanup' records what
 * it did, or why it refused (`refused` while one runs).
 */
export const GET = cronRoute(async () => {
  const job = cleanupJob(providers, () => cleanupSettings(process.env));
  const attempt = await attemptSync(getDatabase(), job);
  return attempt.ok ? { run: attempt.run } : { refused: attempt.message };
});
