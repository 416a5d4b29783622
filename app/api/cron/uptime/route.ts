import { cronRoute } from '@/lib/sync/cron-route';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** GET /api/cron/uptime (Vercel Cron): one probe of every active environment. */
export const GET = cronRoute('/api/cron/uptime');
