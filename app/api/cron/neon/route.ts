import { cronRoute } from '@/lib/sync/cron-route';

// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** Vercel Cron: Neon has no webhooks, so this sync is the only way branch changes arrive. */
export const GET = cronRoute('/api/cron/neon');
