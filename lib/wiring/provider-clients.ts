import 'server-only';
import { getDatabase } from '@/db/client';
import { createGitHubClient } from '@/lib/providers/github/client';
import type { GitHubClient } from '@/lib/providers/github/types';
import { createNeonClient, type NeonClient } from '@/lib/providers/neon/client';
import { createVercelClient, type VercelClient } from '@/lib/providers/vercel/client';
import {
  githubConfigFromEnv,
  neonConfigFromEnv,
  vercelConfigFromEnv,
} from '@/lib/settings/provider-settings';
import { DatabaseEtagCache } from './database-etag-cache';

/**
 * The provider clients the server uses, built once per process from the settings: the one
 * place that joins lib/providers (HTTP only) to the settings and the database. A missing
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
      ...githubConfigFromEnv(),
      etagCache: new DatabaseEtagCache(getDatabase()),
    }));
  },
  get vercel() {
    return (clients.vercel ??= createVercelClient(vercelConfigFromEnv()));
  },
  get neon() {
    return (clients.neon ??= createNeonClient(neonConfigFromEnv()));
  },
};

/** For tests and the dev launcher after they point the environment at a new sandbox. */
export function resetProviderClients(): void {
  clients = {};
}
