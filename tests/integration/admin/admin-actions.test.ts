import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayDeliveryAction } from '@/app/(board)/deliveries/[id]/actions';
import { runSyncNowAction } from '@/app/(board)/sync/actions';
import type { DatabaseHandle } from '@/db/client';
import { latestSyncRunPerKind } from '@/db/queries/sync-status';
import { type Project, pullRequests, syncRuns, webhookDeliveries } from '@/db/schema';
import { recordWebhookDelivery, setWebhookDeliveryOutcome } from '@/db/writes/webhook-deliveries';
import type { Role } from '@/lib/domain/roles';
import { GITHUB_PULL_REQUESTS } from '@/lib/sync/github-pull-requests';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';
import { exampleOf } from '@/sandbox/github/examples';
import { createProject } from '@/tests/support/factories';
import { signedInMember } from '@/tests/support/session';
import { createTestDatabase, currentTestDriver } from '@/tests/support/test-database';
import { useCronEnvironment } from '../sync/cron-env';

/** The cookie the next request carries: server actions read the session from next/headers. */
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', async () => {
  const { RequestCookies } = await import('next/dist/compiled/@edge-runtime/cookies');
  const requestHeaders = () => new Headers(request.cookie ? { cookie: request.cookie } : {});
  return {
    headers: async () => requestHeaders(),
    cookies: async () => new RequestCookies(requestHeaders()),
  };
});
// Revalidation needs a Next.js request store; the actions' data is what is under test.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const REPO = 'acme/shop';
const TOKEN = 'admin-actions-token';
/** One port per database driver: the driver projects of vitest.config.ts may run side by side. */
const PORT = { pglite: 3192, postgres: 3193, neon: 3194 }[currentTestDriver()];

let handle: DatabaseHandle;
let project: Project;
let sandbox: GitHubSandbox;
let restore: () => void;

async function signInAs(role: Role | null) {
  request.cookie = role ? (await signedInMember(handle.db, project, role)).cookie : null;
}

/** A pull_request delivery from GitHub's own examples whose first apply failed. */
async function failedDelivery(deliveryId: string, repository = REPO) {
  const payload = exampleOf('pull_request', 'opened');
  (payload.repository as { full_name: string }).full_name = repository;
  const stored = await recordWebhookDelivery(handle.db, {
    provider: 'github',
    deliveryId,
    event: 'pull_request',
    action: 'opened',
    payload,
  });
  await setWebhookDeliveryOutcome(handle.db, stored!.id, {
    status: 'failed',
    error: 'connection terminated unexpectedly',
    attempts: 1,
    processedAt: new Date(),
    nextAttemptAt: new Date(Date.now() + 60_000),
  });
  return stored!;
}

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
};

const deliveryRow = async (id: number) =>
  (await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startGitHubSandbox({ repositories: [REPO], token: TOKEN, port: PORT });
  project = await createProject(handle.db, { githubOwner: 'acme', githubRepo: 'shop' });
  restore = useCronEnvironment(handle, {
    GITHUB_API_URL: sandbox.baseUrl,
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: REPO,
  });
});
afterAll(async () => {
  restore?.();
  await sandbox?.close();
  await handle?.close();
});
beforeEach(() => {
  request.cookie = null;
});

describe('replay (admins only)', () => {
  it.each(['developer', 'release_manager', 'viewer'] as const)(
    'refuses a %s on the server and leaves the delivery as it was',
    async (role) => {
      const delivery = await failedDelivery(`refused-${role}`);
      await signInAs(role);
      const result = await replayDeliveryAction(null, form({ id: delivery.id }));
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await deliveryRow(delivery.id)).toMatchObject({ status: 'failed', attempts: 1 });
    },
  );

  it('refuses a request without a session', async () => {
    const delivery = await failedDelivery('refused-anonymous');
    const result = await replayDeliveryAction(null, form({ id: delivery.id }));
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('lets an admin replay a failed delivery: applied, and the pull request stored', async () => {
    const delivery = await failedDelivery('replayed-by-admin');
    await signInAs('admin');
    const result = await replayDeliveryAction(null, form({ id: delivery.id }));
    expect(result).toEqual({
      ok: true,
      data: { status: 'applied', changed: true, reason: null, retryAt: null },
    });
    expect(await deliveryRow(delivery.id)).toMatchObject({
      status: 'applied',
      attempts: 2,
      error: null,
      nextAttemptAt: null,
    });
    const stored = await handle.db
      .select()
      .from(pullRequests)
      .where(eq(pullRequests.projectId, project.id));
    expect(stored).toHaveLength(1);
  });

  it("refuses, as not found, a delivery of another project's repository", async () => {
    await createProject(handle.db, { githubOwner: 'acme', githubRepo: 'elsewhere' });
    const delivery = await failedDelivery('another-project', 'acme/elsewhere');
    await signInAs('admin');
    const result = await replayDeliveryAction(null, form({ id: delivery.id }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: `There is no webhook delivery ${delivery.id}.` },
    });
    expect(await deliveryRow(delivery.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('says so when the delivery does not exist', async () => {
    await signInAs('admin');
    const result = await replayDeliveryAction(null, form({ id: 987_654 }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no webhook delivery 987654.' },
    });
  });
});

describe('run now (admins only)', () => {
  it('refuses a developer on the server and runs nothing', async () => {
    await signInAs('developer');
    const result = await runSyncNowAction(null, form({ kind: GITHUB_PULL_REQUESTS }));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handle.db.select().from(syncRuns)).toEqual([]);
  });

  it('refuses a kind no cron runs', async () => {
    await signInAs('admin');
    const result = await runSyncNowAction(null, form({ kind: 'github.everything' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('runs the same job as the cron for an admin, recording one sync run', async () => {
    sandbox.change.openPullRequest(REPO, { head: 'feature-admin', title: 'Admin pages' });
    await signInAs('admin');
    const result = await runSyncNowAction(null, form({ kind: GITHUB_PULL_REQUESTS }));
    expect(result).toMatchObject({
      ok: true,
      data: { kind: GITHUB_PULL_REQUESTS, status: 'succeeded', errors: [] },
    });
    const [latest] = await latestSyncRunPerKind(handle.db);
    expect(latest).toMatchObject({ kind: GITHUB_PULL_REQUESTS, status: 'succeeded' });
    expect(latest!.apiCalls).toBeGreaterThan(0);
  });

  it('refuses to start a kind while a run of it is still going, saying so', async () => {
    const [running] = await handle.db
      .insert(syncRuns)
      .values({ kind: GITHUB_PULL_REQUESTS, status: 'running', startedAt: new Date() })
      .returning();
    await signInAs('admin');
    try {
      const result = await runSyncNowAction(null, form({ kind: GITHUB_PULL_REQUESTS }));
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'sync_running',
          message: expect.stringMatching(
            new RegExp(`^github\\.pull_requests is already running \\(run #${running!.id},`),
          ),
        },
      });
      const runs = await handle.db.select().from(syncRuns).where(eq(syncRuns.status, 'running'));
      expect(runs.map((run) => run.id)).toEqual([running!.id]);
    } finally {
      await handle.db.delete(syncRuns).where(eq(syncRuns.id, running!.id));
    }
  });

  it('names the missing settings of a provider the server is not configured for', async () => {
    await signInAs('admin');
    const result = await runSyncNowAction(null, form({ kind: 'neon.consumption' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_configured' } });
    const message = result?.ok === false ? result.error.message : '';
    expect(message).toMatch(/^neon\.consumption cannot run: .*NEON_API_KEY/);
    expect(message).not.toContain('\n');
  });

  it("records a provider failure with the provider's own reason", async () => {
    process.env.GITHUB_TOKEN = 'a-revoked-token';
    const { resetProviderClients } = await import('@/lib/wiring/provider-clients');
    resetProviderClients();
    try {
      await signInAs('admin');
      const result = await runSyncNowAction(null, form({ kind: GITHUB_PULL_REQUESTS }));
      expect(result).toMatchObject({ ok: true, data: { status: 'failed' } });
      const [latest] = await latestSyncRunPerKind(handle.db);
      expect(latest).toMatchObject({ kind: GITHUB_PULL_REQUESTS, status: 'failed' });
      expect(latest!.errors.join(' ')).toMatch(/401|Bad credentials/);
    } finally {
      process.env.GITHUB_TOKEN = TOKEN;
      resetProviderClients();
    }
  });
});
