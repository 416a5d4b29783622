import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { cleanupJob } from '@/lib/operations/cleanup-job';
import { providers } from '@/lib/providers/from-env';
import { attemptSync } from '@/lib/sync/run-sync';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/cleanup (Vercel Cron, CRON_SECRET): removes closed, idle and orphaned previews;
 * one sync_runs row of kind 'operations.cleanup' records what it did (`refused` while one runs).
 */
export const GET = cronRoute(async () => {
  const attempt = await attemptSync(getDb(), cleanupJob(providers));
  return attempt.ok ? { run: attempt.run } : { refused: attempt.message };
});
