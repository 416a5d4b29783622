import { databaseConfigFromEnv, openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { issueUploadToken, projectForNewToken } from '@/lib/test-reports/upload-token';

/**
 * `npm run upload-token [-- <project-slug>]` (also `npm run ingest-token`, its first name, which
 * CI scripts may still call): a new API token with the `report` scope, which CI uploads test
 * reports with. Only its SHA-256 is stored, so this is the one time it is shown; the token alone
 * goes to stdout so `TOKEN=$(npm run -s upload-token)` works, the explanation to stderr.
 */
const handle = openDatabase(databaseConfigFromEnv());
try {
  await runMigrations(handle);
  const project = await projectForNewToken(handle.db, process.argv[2]);
  const token = await issueUploadToken(handle.db, project);
  console.error(
    `envboard: a new API token with the report scope for "${project.slug}". Store it as a CI secret now: ` +
      'it is not kept and cannot be shown again. Earlier tokens keep working until an admin revokes them on the API tokens page.',
  );
  console.log(token);
} catch (error) {
  console.error(`envboard: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
