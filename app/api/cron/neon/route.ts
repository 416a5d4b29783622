import { syncCronRoute } from '@/lib/sync/sync-cron-route';

/** Vercel Cron: Neon has no webhooks, so this sync is the only way branch changes arrive. */
export const GET = syncCronRoute('/api/cron/neon');
