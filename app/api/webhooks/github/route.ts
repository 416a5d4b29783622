import { getDatabase } from '@/db/client';
import { github } from '@/lib/webhooks/providers';
import { receiveWebhook } from '@/lib/webhooks/receive';
import { webhookSecrets } from '@/lib/settings/settings';
import { provisionAfterPullRequestWebhook } from '@/lib/operations/provision-after-webhook';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** POST /api/webhooks/github — signed with GITHUB_WEBHOOK_SECRET (X-Hub-Signature-256). */
export async function POST(request: Request): Promise<Response> {
  const db = getDatabase();
  const response = await receiveWebhook(request, github, db, {
    secret: webhookSecrets().github,
  });
  // 200: verified and applied, now or on an earlier delivery (202 is ignored or failed).
  if (response.status === 200) provisionAfterPullRequestWebhook(db, request.headers);
  return response;
}
