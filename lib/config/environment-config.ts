import 'server-only';
import type { Database } from '@/db/client';
import { listLongLivedEnvironments } from '@/db/queries/config-environments';
import type { Project } from '@/db/schema';
import {
  type ConfigDrift,
  configDrift,
  type DriftEnvironment,
  type EnvironmentConfig,
} from '@/lib/domain/config-drift';
import { kindRank } from '@/lib/domain/environments';
import type { VercelClient } from '@/lib/providers/vercel/client';
import { vercelProjectIdFromEnv } from '@/lib/settings/provider-settings';
import { describeSyncError } from '@/lib/sync/run-sync';

/**
 * An environment's configuration as Vercel holds it, compared with the project's long-lived
 * environments: the names and scopes of its variables (the client never hands over a value).
 */
export type ConfigReading =
  { ok: true; environment: EnvironmentConfig; drift: ConfigDrift } | { ok: false; error: string };

export async function readEnvironmentConfig(
  db: Database,
  vercel: () => VercelClient,
  project: Project,
  environment: DriftEnvironment,
): Promise<ConfigReading> {
  const reading = await readDrift(db, vercel, project, environment);
  if (!reading.ok) return reading;
  const own = reading.drift.environments.find((env) => env.slug === environment.slug)!;
  return { ok: true, environment: own, drift: reading.drift };
}

/** The drift between the project's long-lived environments, as the board's Overview flags it. */
export function readProjectDrift(
  db: Database,
  vercel: () => VercelClient,
  project: Project,
): Promise<{ ok: true; drift: ConfigDrift } | { ok: false; error: string }> {
  return readDrift(db, vercel, project);
}

async function readDrift(
  db: Database,
  vercel: () => VercelClient,
  project: Project,
  environment?: DriftEnvironment,
): Promise<{ ok: true; drift: ConfigDrift } | { ok: false; error: string }> {
  try {
    const vercelProjectId = project.vercelProjectId ?? vercelProjectIdFromEnv();
    if (!vercelProjectId) {
      return { ok: false, error: 'no Vercel project is connected (set VERCEL_PROJECT_ID)' };
    }
    const [variables, longLived] = await Promise.all([
      vercel().listEnvVarScopes(vercelProjectId),
      listLongLivedEnvironments(db, project.id),
    ]);
    const compared =
      !environment || longLived.some((env) => env.slug === environment.slug)
        ? longLived
        : [...longLived, environment];
    compared.sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
    return { ok: true, drift: configDrift(variables, compared) };
  } catch (error) {
    return { ok: false, error: describeSyncError(error) };
  }
}
