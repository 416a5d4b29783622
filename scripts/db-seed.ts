import { databaseConfigFromEnv, openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';

const handle = openDatabase(databaseConfigFromEnv());
try {
  await runMigrations(handle);
  const started = Date.now();
  const summary = await seedDemo(handle.db);
  console.log(`envboard: demo history seeded in ${Date.now() - started} ms`, summary);
} finally {
  await handle.close();
}
