import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Pool as NeonPool, neonConfig } from '@neondatabase/serverless';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNeon } from 'drizzle-orm/neon-serverless';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Pool as PgPool } from 'pg';
import ws from 'ws';
import { currentEnv, type Env } from '@/lib/settings/env';
import { databaseEnv } from '@/lib/settings/schemas';
import { DEFAULT_PGLITE_DIR } from './pglite-dir';
import * as schema from './schema';

/**
 * The drizzle handle of any driver, and of a transaction too: `PgTransaction` extends
 * `PgDatabase`, so a write takes `Database` and runs the same inside or outside one.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = 'pglite' | 'neon' | 'postgres';

export interface DatabaseConfig {
  /** Absent: embedded PGlite. A Neon host: the Neon serverless driver. Otherwise node-postgres. */
  url?: string;
  /** Where PGlite keeps its files when there is no URL. */
  pgliteDir?: string;
  /** Forces a driver, e.g. the Neon driver against a local relay in tests. */
  driver?: Driver;
  /** A pre-migrated PGlite snapshot to start from (tests). */
  pgliteSnapshot?: Blob;
}

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  close: () => Promise<void>;
}

const NEON_HOST = /\.neon\.(tech|build)$/;

export function chooseDriver(url: string | undefined): Driver {
  if (!url) return 'pglite';
  return NEON_HOST.test(new URL(url).hostname) ? 'neon' : 'postgres';
}

export { DEFAULT_PGLITE_DIR };

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  const driver = config.driver ?? chooseDriver(config.url);
  const options = { schema, casing: 'snake_case' } as const;
  if (driver === 'pglite') {
    const client = config.pgliteSnapshot
      ? // In memory, from a pre-migrated snapshot. PGlite reads options only as its sole argument.
        new PGlite({ loadDataDir: config.pgliteSnapshot })
      : new PGlite(ensureParentFolder(resolve(config.pgliteDir ?? DEFAULT_PGLITE_DIR)));
    return {
      db: drizzlePglite({ client, ...options }),
      driver,
      close: () => client.close(),
    };
  }
  if (!config.url) throw new Error(`The ${driver} driver needs a DATABASE_URL.`);
  if (driver === 'neon') {
    // Node 20 has no global WebSocket.
    neonConfig.webSocketConstructor ??= ws;
    const client = new NeonPool({ connectionString: config.url });
    return {
      db: drizzleNeon({ client, ...options }),
      driver,
      close: () => client.end(),
    };
  }
  const client = new PgPool({ connectionString: config.url, max: 10 });
  return {
    db: drizzlePg({ client, ...options }),
    driver,
    close: () => client.end(),
  };
}

/** PGlite does not create parent folders itself. */
function ensureParentFolder(dir: string): string {
  mkdirSync(dirname(dir), { recursive: true });
  return dir;
}

/** Reads the database settings, naming the variable that is wrong. */
export function databaseConfigFromEnv(env: Env = currentEnv()): DatabaseConfig {
  const blankToUndefined = (value: string | undefined) => (value ? value : undefined);
  const parsed = databaseEnv.safeParse({
    DATABASE_URL: blankToUndefined(env.DATABASE_URL),
    DATABASE_DRIVER: blankToUndefined(env.DATABASE_DRIVER),
    PGLITE_DIR: blankToUndefined(env.PGLITE_DIR),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid database configuration: ${problems.join('; ')}`);
  }
  return {
    url: parsed.data.DATABASE_URL,
    driver: parsed.data.DATABASE_DRIVER,
    pgliteDir: parsed.data.PGLITE_DIR,
  };
}

const cache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };

/** The process-wide handle; cached on globalThis so hot reload does not open a second one. */
export function getDatabaseHandle(): DatabaseHandle {
  cache.envboardDatabase ??= openDatabase(databaseConfigFromEnv());
  return cache.envboardDatabase;
}

export function getDatabase(): Database {
  return getDatabaseHandle().db;
}
