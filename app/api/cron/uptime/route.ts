import { syncCronRoute } from '@/lib/sync/sync-cron-route';

export const dynamic = 'force-dynamic';

/** GET /api/cron/uptime (Vercel Cron): one probe of every active environment. */
export const GET = syncCronRoute('/api/cron/uptime');
