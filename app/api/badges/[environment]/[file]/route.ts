import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { getRequestActor } from '@/lib/auth/session';
import { loadBadge } from '@/lib/badges/load';
import { renderBadgeSvg } from '@/lib/badges/svg';
import { BADGE_CACHE_SECONDS, parseBadgeFile, shieldsEndpoint } from '@/lib/domain/badges';
import { errorResponse } from '@/lib/http/json-route';
import { log } from '@/lib/observability/log';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ environment: string; file: string }> };

const noBadge = () => errorResponse(404, 'not_found', 'No such badge.');

/**
 * GET /api/badges/<environment>/<status|uptime|deploy|tests>.<svg|json>. The proxy lets it
 * through without a session (README, Status badges); who may see it is decided here.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { environment: slug, file } = await context.params;
  const parsed = parseBadgeFile(file);
  if (!parsed) return noBadge();
  try {
    const db = getDatabase();
    const project = await getCurrentProject(db);
    if (!project) return noBadge();
    // Badges reveal status, so they are public only once an admin says so. Until then a caller
    // without a role gets the very 404 an unknown environment gets: a 401 or 403 here would
    // tell a stranger which environment names exist.
    if (!project.badgesPublic && !(await getRequestActor(request))) return noBadge();
    const badge = await loadBadge(db, project.id, { slug, kind: parsed.kind, now: new Date() });
    if (!badge) return noBadge();
    // A member's preview of a private badge must not land in a shared cache.
    const cacheControl = `${project.badgesPublic ? 'public' : 'private'}, max-age=${BADGE_CACHE_SECONDS}`;
    if (parsed.format === 'json') {
      return Response.json(shieldsEndpoint(badge), { headers: { 'Cache-Control': cacheControl } });
    }
    return new Response(renderBadgeSvg(badge), {
      headers: {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': cacheControl,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    log.error(`GET ${new URL(request.url).pathname} failed`, error);
    return errorResponse(500, 'internal_error', 'Something went wrong on our side; try again.');
  }
}
