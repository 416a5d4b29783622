import { getDb } from '@/db/client';
import { github } from '@/lib/ingest/providers';
import { receiveWebhook } from '@/lib/ingest/receive';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/webhooks/github — signed with GITHUB_WEBHOOK_SECRET (X-Hub-Signature-256). */
export function POST(request: Request): Promise<Response> {
  return receiveWebhook(request, github, getDb(), { secret: process.env.GITHUB_WEBHOOK_SECRET });
}
