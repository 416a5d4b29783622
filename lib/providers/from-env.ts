import 'server-only';
import { getDatabase } from '@/db/client';
import { createGitHubClient } from './github/client';
import { githubConfigFromEnv } from './github/config';
import { DatabaseEtagCache } from './github/database-etag-cache';
import type { GitHubClient } from './github/types';
import { createNeonClient, type NeonClient } from './neon/client';
import { neonConfigFromEnv } from './neon/config';
import { createVercelClient, type VercelClient } from './vercel/client';
import { vercelConfigFromEnv } from './vercel/config';

/**
 * The provider clients the server uses, built once per process from the environment. A missing
 * setting fails the first call that needs that provider, naming the variable.
 */
export interface ProviderClients {
  github: GitHubClient;
  vercel: VercelClient;
  neon: NeonClient;
}

let clients: Partial<ProviderClients> = {};

export const providers: ProviderClients = {
  get github() {
    return (clients.github ??= createGitHubClient({
      ...githubConfigFromEnv(process.env),
      etagCache: new DatabaseEtagCache(getDatabase()),
    }));
  },
  get vercel() {
    return (clients.vercel ??= createVercelClient(vercelConfigFromEnv(process.env)));
  },
  get neon() {
    return (clients.neon ??= createNeonClient(neonConfigFromEnv(process.env)));
  },
};

/** For tests and the dev launcher after they point the environment at a new sandbox. */
export function resetProviderClients(): void {
  clients = {};
}
