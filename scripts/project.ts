import { parseArgs } from 'node:util';
import { databaseConfigFromEnv, openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { upsertProject } from '@/db/writes';

const USAGE = `Usage:
  npm run project -- add <slug> --repo <owner/name> [--name <name>] [--production-branch main]
                         [--vercel-project <prj_…>] [--vercel-team <team_…>] [--neon-project <id>]
Adds the project the board shows (or updates the one with that slug): its GitHub repository,
Vercel project and Neon project are what webhooks and syncs are matched to.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    repo: { type: 'string' },
    name: { type: 'string' },
    'production-branch': { type: 'string' },
    'vercel-project': { type: 'string' },
    'vercel-team': { type: 'string' },
    'neon-project': { type: 'string' },
  },
});
const [command, slug] = positionals;
const repo = /^([\w.-]+)\/([\w.-]+)$/.exec(values.repo ?? '');
if (command !== 'add' || !slug || !/^[a-z0-9-]+$/.test(slug) || !repo) {
  console.error(USAGE);
  process.exit(1);
}

const handle = openDatabase(databaseConfigFromEnv());
try {
  await runMigrations(handle);
  const project = await upsertProject(handle.db, {
    slug,
    name: values.name ?? slug,
    githubOwner: repo[1]!,
    githubRepo: repo[2]!,
    productionBranch: values['production-branch'] ?? 'main',
    vercelProjectId: values['vercel-project'] ?? null,
    vercelTeamId: values['vercel-team'] ?? null,
    neonProjectId: values['neon-project'] ?? null,
  });
  console.log(
    `envboard: project "${project.slug}" (${project.githubOwner}/${project.githubRepo}) saved.`,
  );
} catch (error) {
  console.error(`envboard: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
