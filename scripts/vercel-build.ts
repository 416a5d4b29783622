import { spawnSync } from 'node:child_process';
import { decideMigration } from '@/lib/build/migration-decision';
import { buildEnv } from '@/lib/settings/schemas';
import { prepareDatabase } from './prepare-database';

/**
 * vercel.json's buildCommand: migrations (only where lib/build/migration-decision.ts allows
 * them: production, or a preview with a database branch of its own), then `next build`.
 */
const parsed = buildEnv.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`envboard build: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;
const decision = decideMigration({
  vercelEnv: env.VERCEL_ENV,
  databaseUrl: env.DATABASE_URL,
  productionDatabaseHost: env.PRODUCTION_DATABASE_HOST,
});
const OUTCOME = { migrate: 'migrating', skip: 'no migrations', refuse: 'refused' } as const;
console.log(`envboard build: ${OUTCOME[decision.action]}: ${decision.reason}`);
if (decision.action === 'refuse') process.exit(1);
if (decision.action === 'migrate') await prepareDatabase({ seedIfEmpty: false });

// `npm run vercel-build` puts node_modules/.bin on the PATH.
const build = spawnSync('next', ['build'], { stdio: 'inherit' });
process.exit(build.status ?? 1);
