import { getDatabase } from '@/db/client';
import { webhookRetryJob } from '@/lib/webhooks/retry';
import { cronRoute } from '@/lib/http/cron-route';
import { attemptSync } from '@/lib/sync/run-sync';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/webhook-retries — applies failed webhook deliveries whose retry time has come;
 * answers the run, or `refused` while another run of the kind is still going.
 */
export const GET = cronRoute(async () => {
  const attempt = await attemptSync(getDatabase(), webhookRetryJob());
  return attempt.ok ? attempt.run : { refused: attempt.message };
});
