import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { firstRow } from '@/db/migrate';
import { deploymentDaily, type Environment, type NewDeployment } from '@/db/schema';
import { upsertDeployments } from '@/db/writes';
import { createEnvironment, createProject, sha } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

/*
 * Two webhooks storing deployments of the same day at once: each transaction recomputes the
 * day, and the later one must see the earlier one's row rather than overwrite the day with a
 * count of its own row alone.
 */

let handle: DatabaseHandle;
let environment: Environment;

beforeAll(async () => {
  handle = await createTestDatabase();
  const project = await createProject(handle.db);
  environment = await createEnvironment(handle.db, project, { kind: 'production' });
});

afterAll(async () => handle?.close());

const created = new Date('2026-03-10T12:00:00Z');
const deployment = (name: string): NewDeployment => ({
  projectId: environment.projectId,
  environmentId: environment.id,
  vercelId: `dpl_concurrent_${name}`,
  url: `${name}.vercel.app`,
  target: 'production',
  state: 'ready',
  source: 'git',
  gitBranch: 'main',
  commitSha: sha(name.length),
  commitMessage: name,
  commitAuthor: 'alice',
  providerCreatedAt: created,
  providerUpdatedAt: created,
});

/** Until some transaction waits for a lock another holds (the rollup's, or a row's). */
async function untilOneWaits() {
  for (;;) {
    const row = firstRow(
      await handle.db.execute(sql`select count(*)::int as n from pg_locks where not granted`),
    );
    if (Number(row!.n) > 0) return;
  }
}

describe('concurrent writes of one day', () => {
  test('both rows are counted, whichever commits first', async () => {
    let refreshed!: () => void;
    const firstRefreshed = new Promise<void>((resolve) => (refreshed = resolve));
    let commit!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commit = resolve));

    const first = handle.db.transaction(async (tx) => {
      await upsertDeployments(tx, [deployment('first')]);
      refreshed();
      await firstMayCommit;
    });
    await firstRefreshed;
    const second = handle.db.transaction((tx) => upsertDeployments(tx, [deployment('second')]));
    // PGlite has one connection and runs the second transaction after the first; a server runs
    // both, and the second then waits for the first before it commits.
    if (handle.driver !== 'pglite') await untilOneWaits();
    commit();
    await Promise.all([first, second]);

    const [day] = await handle.db
      .select()
      .from(deploymentDaily)
      .where(eq(deploymentDaily.environmentId, environment.id));
    expect(day).toMatchObject({ day: '2026-03-10', deployments: 2, ready: 2 });
  });
});
