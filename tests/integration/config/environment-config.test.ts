import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { Environment, Project } from '@/db/schema';
import { readEnvironmentConfig } from '@/lib/config/environment-config';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import { envVarBody } from '@/sandbox/vercel/bodies';
import { createEnvironment, createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

const TOKEN = 'config-test-token';
const VERCEL_PROJECT_ID = 'prj_configtest';
const SECRETS = {
  DATABASE_URL: 'postgres://app:hunter2@db.example/neondb',
  SENTRY_DSN: 'https://abc123@sentry.example/42',
  STRIPE_LIVE_SECRET_KEY: 'sk_live_do_not_leak',
};

let handle: DatabaseHandle;
let sandbox: VercelSandbox;
let project: Project;
let staging: Environment;
let preview: Environment;

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startVercelSandbox({ token: TOKEN, webhookSecret: 'unused' });
  const { store } = sandbox;
  store.addProject({ id: VERCEL_PROJECT_ID, name: 'shop' });
  const custom = store.addCustomEnvironment(VERCEL_PROJECT_ID, 'staging');
  const add = (key: keyof typeof SECRETS, target: string[], customEnvironmentIds?: string[]) =>
    store.upsertEnv(VERCEL_PROJECT_ID, {
      key,
      value: SECRETS[key],
      type: 'encrypted',
      target,
      customEnvironmentIds,
    });
  add('DATABASE_URL', ['production', 'preview'], [custom.id]);
  add('SENTRY_DSN', ['production', 'preview']);
  add('STRIPE_LIVE_SECRET_KEY', ['production']);
  project = await createProject(handle.db, { vercelProjectId: VERCEL_PROJECT_ID });
  await createEnvironment(handle.db, project, { kind: 'production', slug: 'production' });
  staging = await createEnvironment(handle.db, project, { kind: 'staging', slug: 'staging' });
  await createEnvironment(handle.db, project, {
    kind: 'development',
    slug: 'development',
    gitBranch: 'develop',
  });
  preview = await createEnvironment(handle.db, project, {
    kind: 'preview',
    slug: 'pr-7',
    gitBranch: 'feat/cart',
  });
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

const vercel =
  (token = TOKEN) =>
  () =>
    createVercelClient({ baseUrl: sandbox.baseUrl, token }, { retry: { maxRetries: 0 } });

describe('an environment’s configuration read from Vercel', () => {
  it('names what staging lacks and what production alone has', async () => {
    const reading = await readEnvironmentConfig(handle.db, vercel(), project, staging);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.environment.variables.map((v) => v.key)).toEqual(['DATABASE_URL']);
    expect(reading.environment.missing).toEqual(['SENTRY_DSN', 'STRIPE_LIVE_SECRET_KEY']);
    expect(reading.drift.onlyOne).toEqual([{ key: 'STRIPE_LIVE_SECRET_KEY', slug: 'production' }]);
    expect(reading.drift.environments.map((env) => env.slug)).toEqual([
      'production',
      'staging',
      'development',
    ]);
  });

  it('compares a preview with the long-lived environments too', async () => {
    const reading = await readEnvironmentConfig(handle.db, vercel(), project, preview);
    expect(reading.ok && reading.environment.missing).toEqual(['STRIPE_LIVE_SECRET_KEY']);
    expect(reading.ok && reading.drift.environments.map((env) => env.slug)).toContain('pr-7');
  });

  it('never carries a value, neither as set nor as Vercel serves it encrypted', async () => {
    const served = sandbox.store.envs.map((env) => envVarBody(env).value);
    const reading = await readEnvironmentConfig(handle.db, vercel(), project, preview);
    const text = JSON.stringify(reading);
    for (const value of [...Object.values(SECRETS), ...served]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain('"value"');
  });

  it('says why when Vercel refuses the token', async () => {
    const reading = await readEnvironmentConfig(handle.db, vercel('wrong'), project, staging);
    expect(reading).toMatchObject({ ok: false, error: expect.stringContaining('403') });
  });
});
