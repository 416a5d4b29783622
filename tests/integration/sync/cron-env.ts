import type { DatabaseHandle } from '@/db/client';
import { resetProviderClients } from '@/lib/wiring/provider-clients';

export const CRON_SECRET = 'sync-cron-secret';

/**
 * Points the cron routes at a test: the process-wide database handle, the provider settings
 * (e.g. a sandbox's URL) and the cron secret. Returns the undo. Each test file runs in its own
 * worker, so this process environment is the file's alone.
 */
export function useCronEnvironment(
  handle: DatabaseHandle,
  env: Record<string, string>,
): () => void {
  const cache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
  const saved = Object.fromEntries(
    Object.keys({ ...env, CRON_SECRET }).map((key) => [key, process.env[key]]),
  );
  Object.assign(process.env, env, { CRON_SECRET });
  cache.envboardDatabase = handle;
  resetProviderClients();
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    cache.envboardDatabase = undefined;
    resetProviderClients();
  };
}

/** A cron call with the secret, another one, or (null) no Authorization header at all. */
export function cronRequest(path: string, secret: string | null = CRON_SECRET): Request {
  return new Request(`http://localhost${path}`, {
    headers: secret === null ? {} : { authorization: `Bearer ${secret}` },
  });
}
