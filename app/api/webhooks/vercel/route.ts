import { getDatabase } from '@/db/client';
import { vercel } from '@/lib/webhooks/providers';
import { receiveWebhook } from '@/lib/webhooks/receive';
import { webhookSecrets } from '@/lib/settings/settings';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** POST /api/webhooks/vercel — signed with VERCEL_WEBHOOK_SECRET (x-vercel-signature). */
export function POST(request: Request): Promise<Response> {
  return receiveWebhook(request, vercel, getDatabase(), {
    secret: webhookSecrets().vercel,
  });
}
