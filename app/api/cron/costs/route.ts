import { cronRoute, runsOrSkipped } from '@/lib/sync/cron-route';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/costs (Vercel Cron): Neon consumption, then Vercel charges, into cost_samples;
 * a provider the server is not configured for is skipped, naming the missing setting.
 */
export const GET = cronRoute('/api/cron/costs', runsOrSkipped);
