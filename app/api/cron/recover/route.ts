import { cronRoute } from '@/lib/sync/cron-route';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/recover (Vercel Cron, every 5 minutes): finishes operations a crash left running
 * from the providers' real state, expires unapproved promotion requests, closes sync runs left
 * running, and prunes old webhook deliveries and sync runs; one `operations.recover` sync run.
 */
export const GET = cronRoute('/api/cron/recover');
