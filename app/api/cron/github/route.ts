import { syncCronRoute } from '@/lib/sync/sync-cron-route';

/**
 * Vercel Cron: GitHub's truth behind the webhooks. Pull requests first, so the runs that follow
 * find the pull request they belong to (the order of lib/sync/cron-syncs.ts).
 */
export const GET = syncCronRoute('/api/cron/github');
