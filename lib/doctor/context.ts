import { databaseConfigFromEnv, type DatabaseHandle, openDatabase } from '@/db/client';
import { createGitHubClient } from '@/lib/providers/github/client';
import { createNeonClient } from '@/lib/providers/neon/client';
import { createVercelClient } from '@/lib/providers/vercel/client';
import type { Env } from '@/lib/settings/env';
import {
  githubConfigFromEnv,
  neonConfigFromEnv,
  vercelConfigFromEnv,
} from '@/lib/settings/provider-settings';
import vercelConfig from '@/vercel.json';
import type { DoctorContext } from './check';

/** Quiet: a failed call is the check's answer, not a log line, and is asked once. */
const ONCE = { maxRetries: 0 };
const silent = { warn: () => {}, error: () => {} };

/**
 * The doctor's view of a deployment from its settings alone, as the app builds it: the same
 * variables, the same clients. `database` is the app's own handle when it runs inside the app.
 */
export function doctorContextFromEnv(
  env: Env,
  database?: () => DatabaseHandle,
): DoctorContext & { close: () => Promise<void> } {
  let opened: DatabaseHandle | undefined;
  const own = () => (opened ??= openDatabase(databaseConfigFromEnv(env)));
  return {
    env,
    now: new Date(),
    database: database ?? own,
    github: () =>
      createGitHubClient({ ...githubConfigFromEnv(env), retry: { retries: 0 }, log: silent }),
    vercel: () => createVercelClient(vercelConfigFromEnv(env), { retry: ONCE }),
    neon: () => createNeonClient(neonConfigFromEnv(env), { retry: ONCE }),
    vercelConfig,
    close: async () => {
      await opened?.close();
    },
  };
}
