import { getDatabase } from '@/db/client';
import { evaluateAllProjects } from '@/lib/alerts/evaluate-all';
import { errorResponse, jsonResponse } from '@/lib/http/json-route';
import { isCronAuthorized } from '@/lib/sync/cron-route';
import { cronSecret } from '@/lib/settings/settings';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/**
 * GET /api/cron/alerts (Vercel Cron, every 5 minutes): evaluates every project's alert rules and
 * stores what changed in the outbox. Refused like every cron route: 503 without CRON_SECRET on
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
    return jsonResponse({ projects: await evaluateAllProjects(getDatabase(), new Date()) });
  } catch (error) {
    console.error('cron /api/cron/alerts failed', error);
    return errorResponse(500, 'internal_error', 'The alert evaluation failed.');
  }
}
