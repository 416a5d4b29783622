import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { firstRow } from '@/db/migrate';
import { utcDay } from '@/db/rollups/refresh';
import {
  ciRollups,
  ciRuns,
  deploymentDaily,
  deployments,
  type Environment,
  type Project,
  testCases,
  testDaily,
  testRuns,
  uptimeChecks,
  uptimeDaily,
} from '@/db/schema';
import { deleteProject } from '@/db/writes';
import { createEnvironment, createProject, HOUR, MINUTE, sha } from '../../support/factories';
import { randomSource } from '../../support/rollup-history';
import { expectedRollups } from '../../support/rollup-oracle';
import { backfillRollups } from '../../support/rollups';
import { rollupDifferences, rollupSizes, storedRollups } from '../../support/rollup-tables';
import { createTestDatabase } from '../../support/test-database';

/*
 * Rows stored before the rollups existed (here: inserted past the write functions) are summed by
 * the migration's backfill, and a deleted project takes its rollups with it.
 */

const DAY = 24 * HOUR;

let handle: DatabaseHandle;
let projects: Project[];

/** The backfill statement exactly as migration 0006 runs it. */
async function migrationBackfill(): Promise<string> {
  const migration = await readFile('db/migrations/0006_daily_rollups.sql', 'utf8');
  const statement = migration
    .split('--> statement-breakpoint')
    .find((part) => part.includes('-- Backfill'));
  if (!statement) throw new Error('migration 0006 has no backfill statement');
  return statement;
}

/** Raw rows over the ten days up to today (the real today: the backfill reads the clock). */
async function insertRawHistory(environments: readonly Environment[], seed: number) {
  const random = randomSource(seed);
  const now = Date.now();
  const start = now - 10 * DAY;
  const when = () => start + Math.floor(random() * (now - start));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const { db } = handle;

  await db.insert(deployments).values(
    Array.from({ length: 30 }, (_, i) => {
      const environment = pick(environments);
      const created = new Date(when());
      return {
        projectId: environment.projectId,
        environmentId: environment.id,
        vercelId: `dpl_raw_${seed}_${i}`,
        url: `raw-${seed}-${i}.vercel.app`,
        target: environment.kind,
        state: pick(['ready', 'ready', 'error', 'building', 'canceled'] as const),
        source: pick(['git', 'git', 'promote', 'rollback'] as const),
        gitBranch: environment.gitBranch,
        commitSha: sha(i),
        commitMessage: `Change ${i}`,
        commitAuthor: 'alice',
        providerCreatedAt: created,
        providerUpdatedAt: created,
      };
    }),
  );
  await db.insert(ciRuns).values(
    Array.from({ length: 30 }, (_, i) => {
      const completed = random() < 0.85;
      const created = new Date(when());
      return {
        projectId: pick(environments).projectId,
        githubRunId: seed * 10_000 + i,
        workflowName: pick(['CI', 'Deploy']),
        event: 'push',
        headBranch: 'main',
        headSha: sha(i),
        status: completed ? ('completed' as const) : ('in_progress' as const),
        conclusion: completed
          ? pick(['success', 'failure', 'timed_out', 'cancelled'] as const)
          : null,
        queueMs: random() < 0.9 ? int(0, 60_000) : null,
        durationMs: random() < 0.9 ? int(10_000, 600_000) : null,
        providerCreatedAt: created,
        providerUpdatedAt: created,
      };
    }),
  );
  for (let i = 0; i < 12; i++) {
    const cases = Array.from({ length: int(1, 5) }, (_, index) => ({
      file: pick(['a.test.ts', 'b.test.ts']),
      name: `test ${index}`,
      status: pick(['passed', 'failed', 'flaky', 'skipped'] as const),
      durationMs: int(1, 100),
    }));
    const count = (status: string) => cases.filter((c) => c.status === status).length;
    const suite = pick(['unit', 'e2e'] as const);
    const [run] = await db
      .insert(testRuns)
      .values({
        projectId: pick(environments).projectId,
        externalId: `raw-${seed}-${i}`,
        suite,
        status: count('failed') ? 'failed' : 'passed',
        commitSha: sha(i),
        branch: 'main',
        startedAt: new Date(when()),
        durationMs: 1000,
        total: cases.length,
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
        flaky: count('flaky'),
        coveragePct: random() < 0.7 ? int(5000, 9999) / 100 : null,
      })
      .returning();
    await db.insert(testCases).values(cases.map((c) => ({ ...c, testRunId: run!.id, suite })));
  }
  const checks = [];
  for (let at = start; at <= now; at += 5 * HOUR + 7 * MINUTE) {
    for (const environment of environments) {
      const ok = random() < 0.8;
      checks.push({
        environmentId: environment.id,
        checkedAt: new Date(at),
        ok,
        latencyMs: ok || random() < 0.5 ? int(10, 800) : null,
      });
    }
  }
  await db.insert(uptimeChecks).values(checks);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  projects = [await createProject(handle.db), await createProject(handle.db)];
  const environments = [
    await createEnvironment(handle.db, projects[0]!, { kind: 'production' }),
    await createEnvironment(handle.db, projects[0]!, { kind: 'preview' }),
    await createEnvironment(handle.db, projects[1]!, { kind: 'production' }),
  ];
  await insertRawHistory(environments, 7);
});

afterAll(async () => handle?.close());

describe('the backfill of migration 0006', () => {
  test("sums rows no write path saw, and leaves today's uptime live", async () => {
    expect(rollupSizes(await storedRollups(handle.db))).toEqual({
      uptime: 0,
      deployments: 0,
      tests: 0,
      ci: 0,
    });
    await handle.db.execute(sql.raw(await migrationBackfill()));

    const stored = await storedRollups(handle.db);
    const today = utcDay(new Date());
    const expected = await expectedRollups(handle.db, { uptimeBefore: today });
    expect(rollupDifferences(expected, stored)).toEqual([]);
    expect([...stored.uptime.keys()].some((key) => key.endsWith(today))).toBe(false);
    expect(stored.deployments.size).toBeGreaterThan(5);
    expect(stored.ci.size).toBeGreaterThan(5);
    expect(stored.tests.size).toBeGreaterThan(3);
    expect(stored.uptime.size).toBeGreaterThan(10);
  });

  test('backfillRollups, the tests’ helper, sums the same days as the migration', async () => {
    await backfillRollups(handle.db);
    const today = utcDay(new Date());
    expect(
      rollupDifferences(
        await expectedRollups(handle.db, { uptimeBefore: today }),
        await storedRollups(handle.db),
      ),
    ).toEqual([]);
  });
});

describe('deleting a project', () => {
  test('removes its rollup rows and keeps the other project’s', async () => {
    const [gone, kept] = projects as [Project, Project];
    const rowsOf = async (projectId: number) => {
      const count = async (table: PgTable) =>
        Number(
          firstRow(
            await handle.db.execute(
              sql`select count(*)::int as n from ${table} where project_id = ${projectId}::int`,
            ),
          )!.n,
        );
      return {
        uptime: await count(uptimeDaily),
        deployments: await count(deploymentDaily),
        tests: await count(testDaily),
        ci: await count(ciRollups),
      };
    };
    const before = await rowsOf(gone.id);
    expect(Object.values(before).every((rows) => rows > 0)).toBe(true);
    const keptBefore = await rowsOf(kept.id);

    expect(await deleteProject(handle.db, gone.slug)).toBe(true);

    expect(await rowsOf(gone.id)).toEqual({ uptime: 0, deployments: 0, tests: 0, ci: 0 });
    expect(await rowsOf(kept.id)).toEqual(keptBefore);
  });
});
