import { syncCronRoute } from '@/lib/sync/sync-cron-route';

/** Vercel Cron: Vercel's truth behind the deployment webhooks. */
export const GET = syncCronRoute('/api/cron/vercel');
