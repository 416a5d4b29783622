import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getUptimeDays, type UptimeDay } from '@/db/rollups/uptime-days';
import { type Environment, type NewUptimeCheck, type Project, uptimeDaily } from '@/db/schema';
import { recordUptimeChecks } from '@/db/writes';
import { createEnvironment, createProject, HOUR, MINUTE } from '../../support/factories';
import { expectedUptime, type RollupRows } from '../../support/rollup-oracle';
import { rollupDifferences } from '../../support/rollup-tables';
import { createTestDatabase } from '../../support/test-database';

/*
 * Uptime closes each day once: a day's checks stay raw while it is today, the first check of the
 * next day stores it, and getUptimeDays reads closed days plus the open ones live.
 */

const DAY = 24 * HOUR;
/** 2026-03-10, a Tuesday, 00:00 UTC. */
const D = Date.UTC(2026, 2, 10);
const day = (offset: number) => new Date(D + offset * DAY).toISOString().slice(0, 10);

let handle: DatabaseHandle;
let project: Project;
let production: Environment;
let staging: Environment;

beforeAll(async () => {
  handle = await createTestDatabase();
  project = await createProject(handle.db);
  production = await createEnvironment(handle.db, project, { kind: 'production' });
  staging = await createEnvironment(handle.db, project, { kind: 'staging' });
});

afterAll(async () => handle?.close());

let latency = 100;
/** One probe run at `at` of both environments, written at `at` as the uptime job does. */
async function probe(at: number, { ok = true, now = at } = {}) {
  const checks: NewUptimeCheck[] = [production, staging].map((environment) => ({
    environmentId: environment.id,
    checkedAt: new Date(at),
    ok,
    statusCode: ok ? 200 : 503,
    latencyMs: (latency = (latency * 7 + 13) % 997),
  }));
  await recordUptimeChecks(handle.db, checks, { now: new Date(now) });
}

const storedDays = async () =>
  (
    await handle.db
      .selectDistinct({ day: uptimeDaily.day })
      .from(uptimeDaily)
      .where(eq(uptimeDaily.projectId, project.id))
      .orderBy(uptimeDaily.day)
  ).map((row) => row.day);

/** getUptimeDays' answer keyed as the oracle's rows. */
function keyed(days: UptimeDay[]): RollupRows {
  return new Map(
    days.map(({ environmentId, day: on, ...values }) => [
      `${environmentId}|${on}`,
      { projectId: project.id, ...values },
    ]),
  );
}

/** The oracle's rows of the days `from`..`to` (inclusive), optionally of one environment. */
async function oracle(from: string, to: string, environmentId?: number): Promise<RollupRows> {
  const all = await expectedUptime(handle.db);
  return new Map(
    [...all].filter(([key]) => {
      const [environment, on] = key.split('|') as [string, string];
      return (
        on >= from &&
        on <= to &&
        (environmentId === undefined || environment === String(environmentId))
      );
    }),
  );
}

const empty = () => new Map() as RollupRows;
const differ = (expected: RollupRows, actual: RollupRows) =>
  rollupDifferences(
    { uptime: expected, deployments: empty(), tests: empty(), ci: empty() },
    { uptime: actual, deployments: empty(), tests: empty(), ci: empty() },
  );

describe('uptime by day', () => {
  test("today's checks are not stored in uptime_daily, and are read live", async () => {
    for (let minutes = 0; minutes < 12 * 60; minutes += 90) await probe(D + minutes * MINUTE);
    await probe(D + 13 * HOUR, { ok: false });

    expect(await storedDays()).toEqual([]);
    const days = await getUptimeDays(handle.db, project.id, {
      now: new Date(D + 14 * HOUR),
      days: 7,
    });
    expect(days.map((row) => row.day)).toEqual([day(0), day(0)]);
    expect(differ(await oracle(day(0), day(0)), keyed(days))).toEqual([]);
  });

  test('the first write of the next day closes yesterday', async () => {
    await probe(D + DAY + 5 * MINUTE);

    expect(await storedDays()).toEqual([day(0)]);
    const stored = keyed(
      await getUptimeDays(handle.db, project.id, { now: new Date(D + DAY + HOUR), days: 2 }),
    );
    expect(differ(await oracle(day(0), day(1)), stored)).toEqual([]);
  });

  test('a late check of a closed day recomputes that day, not today', async () => {
    await probe(D + 23 * HOUR, { ok: false, now: D + DAY + 2 * HOUR });
    await probe(D + DAY + 3 * HOUR);

    expect(await storedDays()).toEqual([day(0)]);
    const [production0] = await handle.db
      .select()
      .from(uptimeDaily)
      .where(eq(uptimeDaily.environmentId, production.id));
    expect(production0!.checks).toBe(10);
    expect(production0!.okChecks).toBe(8);
    const now = new Date(D + DAY + 4 * HOUR);
    expect(
      differ(
        await oracle(day(0), day(1)),
        keyed(await getUptimeDays(handle.db, project.id, { now, days: 30 })),
      ),
    ).toEqual([]);
  });

  test('one environment, and a window that starts after the first day', async () => {
    const now = new Date(D + DAY + 4 * HOUR);
    const one = await getUptimeDays(handle.db, project.id, {
      now,
      days: 30,
      environmentId: staging.id,
    });
    expect(differ(await oracle(day(0), day(1), staging.id), keyed(one))).toEqual([]);
    const todayOnly = await getUptimeDays(handle.db, project.id, { now, days: 1 });
    expect(differ(await oracle(day(1), day(1)), keyed(todayOnly))).toEqual([]);
  });

  test('a day left open by a pause in checks is still read, live, until a write closes it', async () => {
    // Nothing is written on day 2: day 1 stays open.
    const now = new Date(D + 3 * DAY + HOUR);
    expect(await storedDays()).toEqual([day(0)]);
    expect(
      differ(
        await oracle(day(0), day(3)),
        keyed(await getUptimeDays(handle.db, project.id, { now, days: 7 })),
      ),
    ).toEqual([]);

    await probe(now.getTime());
    expect(await storedDays()).toEqual([day(0), day(1)]);
    expect(
      differ(
        await oracle(day(0), day(3)),
        keyed(await getUptimeDays(handle.db, project.id, { now, days: 7 })),
      ),
    ).toEqual([]);
  });
});
