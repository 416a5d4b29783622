import { bareRun, cronRoute } from '@/lib/sync/cron-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/webhook-retries — applies failed webhook deliveries whose retry time has come;
 * answers the run, or `refused` while another run of the kind is still going.
 */
export const GET = cronRoute('/api/cron/webhook-retries', bareRun);
