import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { cleanupJob } from '@/lib/operations/cleanup-job';
import { providers } from '@/lib/providers/from-env';
import { runSync } from '@/lib/sync/run-sync';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cron/cleanup (Vercel Cron, CRON_SECRET): finishes operations a crash left running,
 * then removes closed, idle and orphaned previews; one sync_runs row of kind
 * 'operations.cleanup' records what it did.
 */
export const GET = cronRoute(async () => {
  const run = await runSync(getDb(), cleanupJob(providers));
  return { run };
});
