import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { firstRow } from '@/db/migrate';
import { refreshRollup, ROLLUPS, utcDay } from '@/db/rollups/refresh';
import { addDays } from '@/db/rollups/touched';
import { type Environment, type Project } from '@/db/schema';
import { createEnvironment, createProject } from '../../support/factories';
import { expectedRollups } from '../../support/rollup-oracle';
import { historyStart, writeRandomHistory } from '../../support/rollup-history';
import {
  ofProjects,
  rollupDifferences,
  rollupSizes,
  storedRollups,
} from '../../support/rollup-tables';
import { createTestDatabase } from '../../support/test-database';

/*
 * Random histories written through the real write functions, in arrival order with late,
 * duplicate and stale copies, leave every rollup equal to what its raw rows say.
 */

const SEEDS = [1, 2, 3];

let handle: DatabaseHandle;
const worlds: { seed: number; projects: Project[]; uptimeNow: Date }[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  for (const seed of SEEDS) {
    const first = await createProject(handle.db);
    const second = await createProject(handle.db);
    const environments: Environment[] = [
      await createEnvironment(handle.db, first, { kind: 'production' }),
      await createEnvironment(handle.db, first, { kind: 'staging' }),
      await createEnvironment(handle.db, second, { kind: 'production' }),
    ];
    const { uptimeNow } = await writeRandomHistory(handle.db, environments, seed);
    worlds.push({ seed, projects: [first, second], uptimeNow });
  }
}, 120_000);

afterAll(async () => handle?.close());

type World = (typeof worlds)[number];

/**
 * How one seed's projects differ from the oracle. Each seed ends on its own day, so uptime is
 * compared on the days before that seed's last write: its today stays live.
 */
async function differencesFor(world: World) {
  const ids = world.projects.map((project) => project.id);
  const stored = ofProjects(await storedRollups(handle.db), ids);
  const uptimeBefore = utcDay(world.uptimeNow);
  const expected = ofProjects(await expectedRollups(handle.db, { uptimeBefore }), ids);
  return { stored, differences: rollupDifferences(expected, stored) };
}

describe('rollups kept by the write paths', () => {
  test('equal the aggregates of their raw rows, for every seed', async () => {
    for (const world of worlds) {
      const { stored, differences: found } = await differencesFor(world);
      expect(found, `seed ${world.seed}`).toEqual([]);
      const sizes = rollupSizes(stored);
      expect(sizes.uptime).toBeGreaterThan(0);
      expect(sizes.deployments).toBeGreaterThan(0);
      expect(sizes.tests).toBeGreaterThan(0);
      expect(sizes.ci).toBeGreaterThan(0);
    }
  });

  test('a recompute of every day changes nothing', async () => {
    const before = await storedRollups(handle.db);
    for (const world of worlds) {
      const yesterday = addDays(utcDay(world.uptimeNow), -1);
      for (const project of world.projects) {
        for (const rollup of ROLLUPS) {
          const to = rollup === 'uptime' ? yesterday : '2999-12-31';
          await refreshRollup(handle.db, rollup, project.id, { from: '1970-01-01', to });
        }
      }
    }
    expect(await storedRollups(handle.db)).toEqual(before);
  });

  test('a recompute of a span whose raw rows are gone removes its rollup rows', async () => {
    const world = worlds[0]!;
    const project = world.projects[0]!;
    const day = utcDay(new Date(historyStart(world.seed) + 2 * 86_400_000));
    const dayStart = sql`(${day}::date::timestamp at time zone 'UTC')`;
    const dayEnd = sql`((${day}::date + 1)::timestamp at time zone 'UTC')`;
    const count = async (table: string, on = sql`day`) =>
      Number(
        firstRow(
          await handle.db.execute(
            sql`select count(*)::int as n from ${sql.identifier(table)}
              where project_id = ${project.id}::int and ${on} = ${day}::date`,
          ),
        )!.n,
      );
    expect((await count('uptime_daily')) + (await count('deployment_daily'))).toBeGreaterThan(0);

    await handle.db
      .execute(sql`delete from uptime_checks where checked_at >= ${dayStart} and checked_at < ${dayEnd}
      and environment_id in (select id from environments where project_id = ${project.id}::int)`);
    await handle.db.execute(sql`delete from deployments where project_id = ${project.id}::int
      and provider_created_at >= ${dayStart} and provider_created_at < ${dayEnd}`);
    await handle.db.execute(sql`delete from test_runs where project_id = ${project.id}::int
      and started_at >= ${dayStart} and started_at < ${dayEnd}`);
    await handle.db.execute(sql`delete from ci_runs where project_id = ${project.id}::int
      and provider_created_at >= ${dayStart} and provider_created_at < ${dayEnd}`);
    for (const rollup of ROLLUPS) {
      await refreshRollup(handle.db, rollup, project.id, { from: day, to: day });
    }

    expect(await count('uptime_daily')).toBe(0);
    expect(await count('deployment_daily')).toBe(0);
    expect(await count('test_daily')).toBe(0);
    expect(await count('ci_rollups', sql`period = 'day' and starts_on`)).toBe(0);
    const { differences: found } = await differencesFor(world);
    expect(found).toEqual([]);
  });
});
