import { parseArgs } from 'node:util';
import { databaseConfigFromEnv, openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { addMember, listMemberships, removeMember } from '@/lib/auth/manual-members';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain/roles';
import { projectForNewToken } from '@/lib/test-reports/upload-token';

const USAGE = `Usage:
  npm run member -- add <github-login> <${ROLES.join('|')}> [--project <slug>]
  npm run member -- remove <github-login> [--project <slug>]
  npm run member -- list [--project <slug>]`;

/**
 * Roles given by hand on the configured database (DATABASE_URL): how the first admin gets in.
 * Each change is audited; a login not yet signed in is recorded and claimed at its first sign-in.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { project: { type: 'string' } },
});
const [command, login, role] = positionals;

const isRole = (value: string | undefined): value is Role => ROLES.includes(value as Role);

function fail(message: string): never {
  console.error(`envboard: ${message}`);
  process.exit(1);
}

if (command === 'add' && (!login || !isRole(role))) fail(`add needs a login and a role.\n${USAGE}`);
if (command === 'remove' && !login) fail(`remove needs a login.\n${USAGE}`);
if (!['add', 'remove', 'list'].includes(command ?? '')) fail(USAGE);

const handle = openDatabase(databaseConfigFromEnv());
try {
  await runMigrations(handle);
  const project = await projectForNewToken(handle.db, values.project);
  const now = new Date();
  if (command === 'list') {
    for (const member of await listMemberships(handle.db, project.id)) {
      const source = member.team ? `team ${member.team}` : 'by hand';
      const pending = member.signedIn ? '' : ', not signed in yet';
      console.log(`@${member.login}\t${ROLE_LABELS[member.role]}\t(${source}${pending})`);
    }
  } else {
    const outcome =
      command === 'add'
        ? await addMember(handle.db, {
            projectId: project.id,
            login: login!,
            role: role as Role,
            now,
          })
        : await removeMember(handle.db, { projectId: project.id, login: login!, now });
    if (outcome.ok) console.log(`envboard (${project.slug}): ${outcome.message}`);
    else {
      console.error(`envboard (${project.slug}): ${outcome.error}`);
      process.exitCode = 1;
    }
  }
} catch (error) {
  console.error(`envboard: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
