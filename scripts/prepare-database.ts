import { count } from 'drizzle-orm';
import { databaseConfigFromEnv, openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { projects } from '@/db/schema';
import { seedDemo } from '@/db/seed';

/** Migrates the configured database and, when it holds no project yet, fills it with the demo. */
export async function prepareDatabase({ seedIfEmpty }: { seedIfEmpty: boolean }): Promise<void> {
  const handle = openDatabase(databaseConfigFromEnv());
  try {
    const started = Date.now();
    await runMigrations(handle);
    console.log(`envboard: database (${handle.driver}) migrated in ${Date.now() - started} ms`);
    if (!seedIfEmpty) return;
    const [existing] = await handle.db.select({ projects: count() }).from(projects);
    if ((existing?.projects ?? 0) > 0) return;
    const seeding = Date.now();
    const summary = await seedDemo(handle.db);
    console.log(`envboard: demo history seeded in ${Date.now() - seeding} ms`, summary);
  } finally {
    await handle.close();
  }
}
