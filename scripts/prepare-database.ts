import { count } from 'drizzle-orm';
import {
  type Database,
  type DatabaseConfig,
  databaseConfigFromEnv,
  openDatabase,
} from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { projects } from '@/db/schema';
import { seedDemo } from '@/db/seed';

export interface MigratedDatabase {
  db: Database;
  config: DatabaseConfig;
  /** True when the database holds no project yet (and seeding was asked for). */
  empty: boolean;
}

/**
 * Migrates the configured database and, when it holds no project yet, fills it with the demo:
 * by `fill` when given (it also runs on a database that has data, to line things up with it),
 * otherwise by writing the whole demo history.
 */
export async function prepareDatabase({
  seedIfEmpty,
  fill,
}: {
  seedIfEmpty: boolean;
  fill?: (database: MigratedDatabase) => Promise<void>;
}): Promise<void> {
  const config = databaseConfigFromEnv();
  const handle = openDatabase(config);
  try {
    const started = Date.now();
    await runMigrations(handle);
    console.log(`envboard: database (${handle.driver}) migrated in ${Date.now() - started} ms`);
    const [existing] = await handle.db.select({ projects: count() }).from(projects);
    const empty = seedIfEmpty && (existing?.projects ?? 0) === 0;
    if (fill) return await fill({ db: handle.db, config, empty });
    if (!empty) return;
    const seeding = Date.now();
    const summary = await seedDemo(handle.db);
    console.log(`envboard: demo history seeded in ${Date.now() - seeding} ms`, summary);
  } finally {
    await handle.close();
  }
}
