import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { type Driver, openDatabase } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { currentTestDriver, testDatabaseUrl } from './drivers';
import { routeNeonThroughRelay, startNeonRelay } from './neon-relay';
import {
  createDatabase,
  databaseUrl,
  dropAbandonedDatabases,
  dropDatabasesWithPrefix,
} from './postgres-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data folder; each test file loads its own copy. */
    pgliteSnapshotPath: string;
    /** Prefix of every database this project creates on the server in this run. */
    postgresPrefix: string;
    /** A migrated database that each test file clones with CREATE DATABASE … TEMPLATE. */
    postgresTemplate: string;
    neonRelayPort: number;
  }
}

/**
 * Runs once per integration project, in the main process: migrates one template for the whole
 * run so a test file starts from a copy instead of paying for initdb and migrations itself.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const driver = currentTestDriver({ ...process.env, ...project.config.env });
  return driver === 'pglite' ? setupPglite(project) : setupServer(project, driver);
}

async function setupPglite(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'envboard-test-'));
  const handle = openDatabase({ driver: 'pglite', pgliteDir: join(folder, 'template') });
  await runMigrations(handle);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const snapshot = await client.dumpDataDir('none');
  await handle.close();
  const path = join(folder, 'template.tar');
  await writeFile(path, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshotPath', path);
  return () => rm(folder, { recursive: true, force: true });
}

async function setupServer(project: TestProject, driver: Driver): Promise<() => Promise<void>> {
  const serverUrl = testDatabaseUrl({ ...process.env, ...project.config.env });
  const prefix = `envboard_test_${process.pid}_${driver}`;
  const template = `${prefix}_template`;
  await dropAbandonedDatabases(serverUrl);
  await createDatabase(serverUrl, template);
  const relay = driver === 'neon' ? await startNeonRelay() : undefined;
  const teardown = async () => {
    await relay?.close();
    await dropDatabasesWithPrefix(serverUrl, prefix);
  };
  try {
    // The Neon project migrates its template through the Neon driver too, so the migrator is
    // proven on every driver.
    if (relay) routeNeonThroughRelay(relay.port);
    const handle = openDatabase({ url: databaseUrl(serverUrl, template), driver });
    await runMigrations(handle);
    // CREATE DATABASE … TEMPLATE refuses a template that still has connections.
    await handle.close();
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('postgresPrefix', prefix);
  project.provide('postgresTemplate', template);
  if (relay) project.provide('neonRelayPort', relay.port);
  return teardown;
}
