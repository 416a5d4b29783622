import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { cleanupJob } from '@/lib/operations/cleanup-job';
import { providers } from '@/lib/providers/from-env';
import { cleanupSettings } from '@/lib/sync/cron-syncs';
import { runSync } from '@/lib/sync/run-sync';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cron/cleanup (Vercel Cron, CRON_SECRET): finishes operations a crash left running,
 * then removes closed, idle and orphaned previews, at most CLEANUP_MAX_DELETIONS a run; one
 * sync_runs row of kind 'operations.cleanup' records what it did, or why it refused.
 */
export const GET = cronRoute(async () => {
  const job = cleanupJob(providers, () => cleanupSettings(process.env));
  const run = await runSync(getDb(), job);
  return { run };
});
