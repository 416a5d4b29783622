import { getDatabase } from '@/db/client';
import { vercel } from '@/lib/webhooks/providers';
import { receiveWebhook } from '@/lib/webhooks/receive';
import { webhookSecrets } from '@/lib/settings/settings';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/webhooks/vercel — signed with VERCEL_WEBHOOK_SECRET (x-vercel-signature). */
export function POST(request: Request): Promise<Response> {
  return receiveWebhook(request, vercel, getDatabase(), {
    secret: webhookSecrets().vercel,
  });
}
