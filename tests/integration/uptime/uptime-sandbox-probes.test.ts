import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type Environment, type Project, uptimeChecks } from '@/db/schema';
import { buildCronJob, cronSyncOf } from '@/lib/sync/cron-syncs';
import { runSync } from '@/lib/sync/run-sync';
import type { ProviderClients } from '@/lib/wiring/provider-clients';
import { UPTIME_PROBES_KIND } from '@/lib/uptime/uptime-job';
import { startUptimeSandbox, type UptimeSandbox } from '@/sandbox/uptime';
import { createEnvironment, createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

// The hosts are invented (.invalid never resolves): a probe that reached DNS would fail.
const PRODUCTION_HOST = 'acme-web.invalid';
const PREVIEW_HOST = 'acme-web-git-search-acme.invalid';
const NOW = Date.parse('2026-03-20T12:00:00Z');
const SANDBOX_ENV = {
  VERCEL_API_URL: 'http://127.0.0.1:4012',
  VERCEL_TOKEN: 'vercel_sandbox_token',
};

let handle: DatabaseHandle;
let sandbox: UptimeSandbox;
let project: Project;
const envs: Record<string, Environment> = {};
/** What the real-credentials run asked the network for. */
const fetched: string[] = [];

/** The uptime sync exactly as the cron route and "Run now" build it, for these settings. */
function uptimeJob(env: Record<string, string>) {
  return buildCronJob(cronSyncOf(UPTIME_PROBES_KIND)!, {
    providers: {} as ProviderClients,
    project,
    env,
  });
}

async function checksAt(at: number) {
  const rows = await handle.db
    .select()
    .from(uptimeChecks)
    .where(eq(uptimeChecks.checkedAt, new Date(at)));
  return new Map(rows.map((row) => [row.environmentId, row]));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startUptimeSandbox({
    hosts: [
      { host: PRODUCTION_HOST, kind: 'production' },
      { host: PREVIEW_HOST, kind: 'preview' },
    ],
    now: () => NOW,
  });
  project = await createProject(handle.db);
  envs.production = await createEnvironment(handle.db, project, {
    url: `https://${PRODUCTION_HOST}`,
    healthUrl: `https://${PRODUCTION_HOST}/api/health`,
  });
  envs.preview = await createEnvironment(handle.db, project, {
    url: `https://${PREVIEW_HOST}`,
    healthUrl: `https://${PREVIEW_HOST}/api/health`,
  });
});
afterAll(async () => {
  await sandbox.close();
  await handle.close();
});

describe('uptime probes of the demo stay in the demo', () => {
  it('sends each probe of an invented host to the uptime sandbox, which answers it', async () => {
    const run = await runSync(
      handle.db,
      uptimeJob({ ...SANDBOX_ENV, UPTIME_SANDBOX_URL: sandbox.baseUrl }),
      () => new Date(NOW),
    );
    expect(run).toMatchObject({ status: 'succeeded', itemsSeen: 2 });
    const checks = await checksAt(NOW);
    for (const env of [envs.production!, envs.preview!]) {
      expect(checks.get(env.id)).toMatchObject({ ok: true, statusCode: 200, error: null });
      expect(checks.get(env.id)!.latencyMs).toBeGreaterThan(0);
    }
  });

  it('fails the probes inside a planned incident, and only those', async () => {
    sandbox.planIncident({
      host: PRODUCTION_HOST,
      from: NOW - 60_000,
      to: NOW + 60_000,
      failure: 'http_503',
    });
    const at = NOW + 1_000;
    await runSync(
      handle.db,
      uptimeJob({ ...SANDBOX_ENV, UPTIME_SANDBOX_URL: sandbox.baseUrl }),
      () => new Date(at),
    );
    const checks = await checksAt(at);
    expect(checks.get(envs.production!.id)).toMatchObject({
      ok: false,
      statusCode: 503,
      error: 'HTTP 503 Service Unavailable',
    });
    expect(checks.get(envs.preview!.id)).toMatchObject({ ok: true, statusCode: 200 });
  });

  it('probes the real URLs once the Vercel API is the real one, whatever the sandbox variable says', async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request) => {
      fetched.push(String(input));
      return new Response('ok', { status: 200 });
    }) as typeof fetch;
    try {
      const job = uptimeJob({
        VERCEL_API_URL: 'https://api.vercel.com',
        VERCEL_TOKEN: 'a-real-token',
        UPTIME_SANDBOX_URL: sandbox.baseUrl,
      });
      await runSync(handle.db, job, () => new Date(NOW + 2_000));
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched.sort()).toEqual([
      `https://${PREVIEW_HOST}/api/health`,
      `https://${PRODUCTION_HOST}/api/health`,
    ]);
  });
});
