import { sql } from 'drizzle-orm';
import { migrationStatus } from '@/db/migrate';
import { type CheckResult, type DoctorContext, fail, pass, runCheck } from './check';

const REACHABLE = 'Database reachable';
const MIGRATIONS = 'Migrations current';

/** The database answers a query, and every migration in db/migrations has been applied. */
export async function checkDatabase(context: DoctorContext): Promise<CheckResult[]> {
  const reachable = await runCheck(
    REACHABLE,
    async () => {
      const handle = context.database();
      await handle.db.execute(sql`select 1`);
      return pass(REACHABLE, `${handle.driver} answers`);
    },
    () => 'Check DATABASE_URL (host, credentials, sslmode) and that the database server is up.',
  );
  if (!reachable.ok) {
    return [
      reachable,
      fail(MIGRATIONS, 'not checked: the database is unreachable', reachable.fix!),
    ];
  }
  const migrations = await runCheck(
    MIGRATIONS,
    async () => {
      const status = await migrationStatus(context.database());
      const detail = `${status.applied} of ${status.expected} applied`;
      return status.current
        ? pass(MIGRATIONS, detail)
        : fail(MIGRATIONS, detail, 'Run `npm run db:migrate` against this DATABASE_URL.');
    },
    () => 'Run `npm run db:migrate` against this DATABASE_URL.',
  );
  return [reachable, migrations];
}
