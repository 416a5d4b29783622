import { getDatabase } from '@/db/client';
import { deliverDueAlertMessages } from '@/lib/alerts/deliver';
import { evaluateAllProjects } from '@/lib/alerts/evaluate-all';
import { log, requestFields } from '@/lib/observability/log';
import { errorResponse, jsonResponse } from '@/lib/http/json-route';
import { isCronAuthorized } from '@/lib/sync/cron-route';
import { cronSecret } from '@/lib/settings/settings';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/alerts (Vercel Cron, every 5 minutes): evaluates every project's alert rules,
 * stores what changed in the outbox, then delivers the outbox's due messages (new ones and
 * retries whose backoff has passed). Refused like every cron route: 503 without CRON_SECRET on
 * the server, 401 without it in the request.
 */
export async function GET(request: Request): Promise<Response> {
  if (!cronSecret()) {
    return errorResponse(503, 'cron_not_configured', 'CRON_SECRET is not set on the server.');
  }
  if (!isCronAuthorized(request.headers.get('authorization'))) {
    return errorResponse(401, 'unauthorized', 'A valid cron secret is required.');
  }
  try {
    const db = getDatabase();
    const now = new Date();
    const projects = await evaluateAllProjects(db, now);
    const delivery = await deliverDueAlertMessages(db, { now });
    return jsonResponse({ projects, delivery });
  } catch (error) {
    log.error('cron /api/cron/alerts failed', error, requestFields(request));
    return errorResponse(500, 'internal_error', 'The alert evaluation failed.');
  }
}
