import { cronRoute, wrappedRun } from '@/lib/sync/cron-route';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/cleanup (Vercel Cron, CRON_SECRET): removes closed, idle and orphaned previews,
 * at most CLEANUP_MAX_DELETIONS a run; one sync_runs row of kind 'operations.cleanup' records what
 * it did, or why it refused (`refused` while one runs).
 */
export const GET = cronRoute('/api/cron/cleanup', wrappedRun);
