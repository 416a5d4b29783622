import { cronRoute } from '@/lib/sync/cron-route';

// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * Vercel Cron: GitHub's truth behind the webhooks. Pull requests first, so the runs that follow
 * find the pull request they belong to (the order of lib/sync/cron-syncs.ts).
 */
export const GET = cronRoute('/api/cron/github');
