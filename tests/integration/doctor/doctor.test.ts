import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { syncRuns, webhookDeliveries } from '@/db/schema';
import { runDoctor } from '@/lib/doctor';
import type { DoctorContext } from '@/lib/doctor/check';
import { doctorContextFromEnv } from '@/lib/doctor/context';
import { SYNC_KINDS } from '@/lib/sync/cron-syncs';
import { type LaunchedSandboxes, launchSandboxes, webhookTargetsFor } from '@/sandbox/launch';
import { createTestDatabase } from '@/tests/support/test-database';
import vercelConfig from '@/vercel.json';

/**
 * `npm run doctor` against a real database and the provider sandboxes: all ✓ when everything is
 * wired, and each ✗ when exactly one setting or one piece of state is broken.
 */

const VERCEL_PROJECT_ID = 'prj_doctor';
const NOW = new Date();

let handle: DatabaseHandle;
let sandboxes: LaunchedSandboxes;
let app: Server;
let appUrl: string;
/** What envboard's webhook endpoints answer the sandboxes with. */
let appStatus = 200;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(appStatus).end());
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  sandboxes = await launchSandboxes({
    githubRepository: 'acme/shop',
    neonProjectId: 'calm-doctor-123456',
    ports: { github: 0, vercel: 0, neon: 0 },
    webhookTargets: webhookTargetsFor(appUrl),
  });
  sandboxes.vercel.store.addProject({ id: VERCEL_PROJECT_ID, name: 'shop' });
  await handle.db.insert(syncRuns).values(
    SYNC_KINDS.map((kind) => ({
      kind,
      status: 'succeeded' as const,
      startedAt: NOW,
      finishedAt: NOW,
    })),
  );
});
afterAll(async () => {
  await sandboxes?.close();
  await new Promise((resolve) => app?.close(resolve));
  await handle?.close();
});

beforeEach(() => {
  env = {
    ...sandboxes.env,
    NODE_ENV: 'test',
    NEXTAUTH_URL: appUrl,
    VERCEL_PROJECT_ID,
    CRON_SECRET: 'doctor-cron-secret-0123',
  };
  appStatus = 200;
  sandboxes.github.webhooks.setTarget(webhookTargetsFor(appUrl).github);
  sandboxes.vercel.webhooks.setTarget(webhookTargetsFor(appUrl).vercel);
});

function context(overrides: Partial<DoctorContext> = {}): DoctorContext {
  return { ...doctorContextFromEnv(env, () => handle), now: NOW, ...overrides };
}

/** The names of the checks that fail. */
async function failing(overrides: Partial<DoctorContext> = {}): Promise<string[]> {
  const results = await runDoctor(context(overrides));
  return results.filter((result) => !result.ok).map((result) => result.name);
}

describe('npm run doctor', () => {
  it('passes every check when the deployment is wired up', async () => {
    const results = await runDoctor(context());
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results.map((result) => result.name)).toEqual([
      'Database reachable',
      'Migrations current',
      'Variables',
      'NEXTAUTH_URL',
      'GitHub token',
      'Vercel token',
      'Neon token',
      'GitHub webhook',
      'Vercel webhook',
      'Crons',
      'Syncs',
    ]);
  });

  it('fails the database lines for a database it cannot reach', async () => {
    const unreachable = openDatabase({ url: 'postgres://nobody@127.0.0.1:1/none' });
    try {
      // envboard's own record of deliveries lives there too, so neither webhook can be vouched for.
      expect(await failing({ database: () => unreachable })).toEqual([
        'Database reachable',
        'Migrations current',
        'GitHub webhook',
        'Vercel webhook',
        'Syncs',
      ]);
    } finally {
      await unreachable.close();
    }
  });

  it('fails the migrations line while one is not applied', async () => {
    const rows = await handle.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning *`,
    );
    const [row] = (rows as unknown as { rows: Record<string, unknown>[] }).rows;
    try {
      expect(await failing()).toEqual(['Migrations current', 'Syncs']);
    } finally {
      await handle.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${row!.id}, ${row!.hash}, ${row!.created_at})`,
      );
    }
  });

  it.each([
    ['a webhook secret unset', { VERCEL_WEBHOOK_SECRET: undefined }, ['Variables']],
    ['a malformed setting', { RETENTION_DAYS: 'soon' }, ['Variables']],
    [
      'NEXTAUTH_URL not this Vercel deployment',
      { VERCEL_URL: 'envboard-git-main-acme.vercel.app', VERCEL_ENV: 'preview' },
      ['NEXTAUTH_URL'],
    ],
    [
      'a GitHub token GitHub refuses',
      { GITHUB_TOKEN: 'ghp_revoked' },
      ['GitHub token', 'GitHub webhook'],
    ],
    [
      'a Vercel token Vercel refuses',
      { VERCEL_TOKEN: 'revoked' },
      ['Vercel token', 'Vercel webhook'],
    ],
    ['a Neon key Neon refuses', { NEON_API_KEY: 'revoked' }, ['Neon token']],
    ['no CRON_SECRET', { CRON_SECRET: undefined }, ['Crons']],
  ])('fails for %s', async (_, change, expected) => {
    Object.assign(env, change);
    expect(await failing()).toEqual(expected);
  });

  it('fails the GitHub webhook line when the hook sends elsewhere', async () => {
    sandboxes.github.webhooks.setTarget('https://old.example.com/api/webhooks/github');
    expect(await failing()).toEqual(['GitHub webhook']);
  });

  it('fails the GitHub webhook line when envboard refused its last delivery', async () => {
    const deliver = async (status: number) => {
      appStatus = status;
      sandboxes.github.change.push('acme/shop', { branch: `doctor-${status}` });
      await sandboxes.github.webhooks.flush();
    };
    await deliver(401);
    try {
      const results = await runDoctor(context());
      const github = results.find((result) => result.name === 'GitHub webhook')!;
      expect(github).toMatchObject({ ok: false, detail: 'its last delivery got HTTP 401' });
      expect(github.fix).toContain('GITHUB_WEBHOOK_SECRET');
    } finally {
      await deliver(200);
    }
    expect(await failing()).toEqual([]);
  });

  it('fails the Vercel webhook line when no webhook sends to this deployment', async () => {
    sandboxes.vercel.webhooks.setTarget(undefined);
    expect(await failing()).toEqual(['Vercel webhook']);
  });

  it('fails the Vercel webhook line when envboard’s newest delivery failed to apply', async () => {
    const [row] = await handle.db
      .insert(webhookDeliveries)
      .values({
        provider: 'vercel',
        deliveryId: 'evt_doctor',
        event: 'deployment.created',
        status: 'failed',
      })
      .returning();
    try {
      expect(await failing()).toEqual(['Vercel webhook']);
    } finally {
      await handle.db.delete(webhookDeliveries).where(sql`${webhookDeliveries.id} = ${row!.id}`);
    }
  });

  it('fails the crons line, and the syncs it runs, when vercel.json leaves a cron out', async () => {
    const crons = vercelConfig.crons.filter((cron) => cron.path !== '/api/cron/cleanup');
    expect(await failing({ vercelConfig: { ...vercelConfig, crons } })).toEqual(['Crons', 'Syncs']);
  });

  it('fails the syncs line when a sync’s last run failed', async () => {
    const [row] = await handle.db
      .insert(syncRuns)
      .values({ kind: SYNC_KINDS[0]!, status: 'failed', startedAt: NOW, finishedAt: NOW })
      .returning();
    try {
      expect(await failing()).toEqual(['Syncs']);
    } finally {
      await handle.db.delete(syncRuns).where(sql`${syncRuns.id} = ${row!.id}`);
    }
  });
});
