import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type SyncRun, syncRuns } from '@/db/schema';
import { createGitHubClient } from '@/lib/providers/github/client';
import { DatabaseEtagCache } from '@/lib/wiring/database-etag-cache';
import { MemoryEtagCache } from '@/lib/providers/github/etag-cache';
import { createNeonClient } from '@/lib/providers/neon/client';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { recordingSleep } from '@/tests/support/recording-sleep';

/**
 * Ports the sync tests' servers listen on: one sandbox per file, so files run side by side.
 */
export const PORTS = {
  github: 3111,
  vercel: 3112,
  neon: 3113,
  convergence: { github: 3114, vercel: 3115, neon: 3116, webhooks: 3117 },
} as const;

export const GITHUB_TOKEN = 'sync-test-token';
export const VERCEL_TOKEN = 'sync-test-vercel-token';
export const NEON_API_KEY = 'sync-test-neon-key';
export const NEON_PROJECT_ID = 'calm-sync-123456';
export const VERCEL_PROJECT_ID = 'prj_synctest';

const silent = { warn: () => {}, error: () => {} };

/**
 * A GitHub client on the sandbox whose retries wait no wall-clock time. With a database its
 * ETags live there, as the cron routes keep them, so a fresh client per run still gets 304s.
 */
export function githubClient(baseUrl: string, db?: Database, repository = 'acme/shop') {
  const [owner, repo] = repository.split('/') as [string, string];
  return createGitHubClient({
    baseUrl,
    token: GITHUB_TOKEN,
    owner,
    repo,
    etagCache: db ? new DatabaseEtagCache(db) : new MemoryEtagCache(),
    retry: { msPerSecond: 1, spaceWrites: false },
    log: silent,
  });
}

/** Retries wait no wall-clock time; `sleep` lets a test act between attempts (e.g. heal a fault). */
export function vercelClient(baseUrl: string, sleep = recordingSleep().sleep) {
  return createVercelClient({ baseUrl, token: VERCEL_TOKEN }, { sleep, retry: { maxRetries: 4 } });
}

export function neonClient(apiUrl: string, sleep = recordingSleep().sleep) {
  return createNeonClient(
    { baseUrl: apiUrl, apiKey: NEON_API_KEY, projectId: NEON_PROJECT_ID },
    { sleep, retry: { maxRetries: 4 } },
  );
}

export async function syncRunsOf(db: Database, kind: string): Promise<SyncRun[]> {
  return db.select().from(syncRuns).where(eq(syncRuns.kind, kind)).orderBy(syncRuns.id);
}
