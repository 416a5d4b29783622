import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getEnvironment } from '@/db/queries/environments';
import { readEnvironmentConfig } from '@/lib/config/environment-config';
import { HttpError, jsonRoute } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';
import { CONTROL_CHARACTER } from '@/lib/http/query-params';
import { providers } from '@/lib/wiring/provider-clients';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/environments/{slug}/config: the names, targets and branches of the Vercel
 * variables that apply to the environment, what it lacks against production and staging, and
 * the names one environment alone has. Never a value.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  return jsonRoute(z.object({}), async ({ actor }) => {
    const db = getDatabase();
    const project = await requireProject(db, actor.projectId);
    const environment = CONTROL_CHARACTER.test(slug)
      ? undefined
      : await getEnvironment(db, project.id, slug);
    if (!environment) {
      throw new HttpError(404, 'environment_not_found', `No environment ${slug}.`);
    }
    const reading = await readEnvironmentConfig(db, () => providers.vercel, project, environment);
    if (!reading.ok) {
      throw new HttpError(502, 'vercel_unavailable', `Vercel cannot be read: ${reading.error}`);
    }
    return {
      data: {
        environment: slug,
        variables: reading.environment.variables,
        missing: reading.environment.missing,
        onlyOne: reading.drift.onlyOne,
        compared: reading.drift.environments.map(({ slug: name, missing }) => ({
          environment: name,
          missing,
        })),
      },
    };
  })(request);
}
