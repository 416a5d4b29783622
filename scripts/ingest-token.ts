import { databaseConfigFromEnv, openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { issueIngestToken, projectForNewToken } from '@/lib/test-reports/ingest-token';

/**
 * `npm run ingest-token [-- <project-slug>]`: a new token CI sends test reports with. Only its
 * SHA-256 is stored, so this is the one time it is shown; the token alone goes to stdout so
 * `TOKEN=$(npm run -s ingest-token)` works, the explanation to stderr.
 */
const handle = openDatabase(databaseConfigFromEnv());
try {
  await runMigrations(handle);
  const project = await projectForNewToken(handle.db, process.argv[2]);
  const token = await issueIngestToken(handle.db, project);
  console.error(
    `envboard: a new ingest token for "${project.slug}". Store it as a CI secret now: it is not ` +
      'kept and cannot be shown again. Any earlier token of this project no longer works.',
  );
  console.log(token);
} catch (error) {
  console.error(`envboard: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
