import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as uptimeMetrics } from '@/app/api/v1/metrics/uptime/route';
import type { DatabaseHandle } from '@/db/client';
import { getUptimeMetrics } from '@/db/queries/uptime-metrics';
import { getBurnWindowChecks } from '@/db/queries/uptime-series';
import { getUptimeDays } from '@/db/rollups/uptime-days';
import { refreshAllRollups } from '@/db/rollups/refresh';
import type { Environment, Project } from '@/db/schema';
import type { UptimeMetrics } from '@/lib/domain/uptime-metrics';
import { createEnvironment, createProject, createUptimeChecks, HOUR } from '../support/factories';
import { getWithCookie, signedInMember } from '../support/session';
import { createTestDatabase } from '../support/test-database';

/** The route handler uses the process-wide handle; point it at this file's test database. */
const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;
let project: Project;
let production: Environment;
let viewerCookie: string;

// Midday: today holds 12 hours of checks the rollup's closed days do not.
const now = new Date('2026-03-31T12:00:00Z');
const MARCH_1 = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
  const { db } = handle;
  project = await createProject(db);
  ({ cookie: viewerCookie } = await signedInMember(db, project, 'viewer'));
  production = await createEnvironment(db, project, { kind: 'production', slug: 'production' });
  const staging = await createEnvironment(db, project, { kind: 'staging', slug: 'staging' });
  await createEnvironment(db, project, { kind: 'development', slug: 'development' });
  // 1 – 30 March: a check every hour, latency 100–123 ms by hour of day. 10 March fails at
  // 05:00 and 06:00 (one incident), 20 March at 08:00 (another).
  await createUptimeChecks(db, production, {
    from: MARCH_1,
    count: 30 * 24,
    everyMs: HOUR,
    failing: [9 * 24 + 5, 9 * 24 + 6, 19 * 24 + 8],
    latencyMs: (index) => 100 + (index % 24),
  });
  // Today: every 5 minutes from midnight to now (145 checks), 200–209 ms; 11:55 and 12:00 fail.
  await createUptimeChecks(db, production, {
    from: new Date('2026-03-31T00:00:00Z'),
    count: 145,
    failing: [143, 144],
    latencyMs: (index) => 200 + (index % 10),
  });
  // Another environment's incident is not production's.
  await createUptimeChecks(db, staging, {
    from: new Date('2026-03-25T00:00:00Z'),
    count: 3,
    everyMs: HOUR,
    failing: [1],
  });
  await refreshAllRollups(db, project.id);
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

const metrics = async (range: UptimeMetrics['range'], environmentSlug = 'production') =>
  (await getUptimeMetrics(handle.db, project, { environmentSlug, range, now }))!;

describe('getUptimeDays', () => {
  test('reads closed days from the rollup and today from its raw checks, once each', async () => {
    const days = await getUptimeDays(handle.db, project.id, {
      now,
      days: 30,
      environmentId: production.id,
    });
    expect(days.map((day) => day.day)).toEqual(
      Array.from({ length: 30 }, (_, index) => `2026-03-${String(index + 2).padStart(2, '0')}`),
    );
    expect(days.find((day) => day.day === '2026-03-10')).toMatchObject({
      checks: 24,
      okChecks: 22,
    });
    // 24 values 100…123: p50 111.5, p95 at rank 21.85 → 121.85.
    const fifth = days.find((day) => day.day === '2026-03-05')!;
    expect(fifth.latencyP50Ms).toBeCloseTo(111.5, 3);
    expect(fifth.latencyP95Ms).toBeCloseTo(121.85, 3);
    // Today's 143 successful checks: 200–202 fifteen times each, 203–209 fourteen: p50 204.
    expect(days.at(-1)).toMatchObject({ day: '2026-03-31', checks: 145, okChecks: 143 });
    expect(days.at(-1)!.latencyP50Ms).toBeCloseTo(204, 3);
  });
});

describe('getUptimeMetrics', () => {
  test('gives each day its checks, failures and state, and the range one figure and verdict', async () => {
    const { availability, sloPct } = await metrics('30d');
    expect(sloPct).toBe(99.9);
    expect(availability.periods).toHaveLength(30);
    expect(availability).toMatchObject({ from: '2026-03-02', to: '2026-03-31' });
    const tenth = availability.periods.find((period) => period.period === '2026-03-10')!;
    expect(tenth).toMatchObject({ checks: 24, failures: 2, state: 'bad' });
    expect(availability.periods.find((period) => period.period === '2026-03-11')).toMatchObject({
      checks: 24,
      failures: 0,
      pct: 100,
      state: 'ok',
    });
    // 29 closed days × 24 + 145 today = 841 checks, 5 failed: 99.41 %, below 99.9 %.
    expect(availability.window).toMatchObject({
      totalChecks: 841,
      okChecks: 836,
      status: 'breaching',
    });
    expect(availability.window.pct).toBeCloseTo((836 / 841) * 100, 9);
    // The worst day, 91.67 %, on an axis from 90 % by 2.5 %.
    expect(availability.axisFloor).toBe(90);
  });

  test('draws the range by day, and 12 months by ISO week', async () => {
    expect((await metrics('7d')).availability.periods.map((period) => period.period)).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
    const year = await metrics('12m');
    expect(year.grain).toBe('week');
    expect(year.availability.periods.at(-1)).toMatchObject({
      period: '2026-03-30',
      checks: 24 + 145,
      failures: 2,
    });
    expect(year.availability.window.totalChecks).toBe(30 * 24 + 145);
  });

  test('lists only this environment’s incidents, oldest last, the last one ongoing', async () => {
    const { incidents } = await metrics('30d');
    expect(incidents.map((incident) => [incident.startedAt, incident.resolvedAt])).toEqual([
      ['2026-03-31T11:55:00.000Z', null],
      ['2026-03-20T08:00:00.000Z', '2026-03-20T09:00:00.000Z'],
      ['2026-03-10T05:00:00.000Z', '2026-03-10T07:00:00.000Z'],
    ]);
    expect(incidents[2]).toMatchObject({ checksFailed: 2, firstError: 'HTTP 503 at check 221' });
  });

  test('reads every burn-rate window from the raw checks ending now', async () => {
    const { burnRates } = await metrics('30d');
    const counts = burnRates.map((reading) => [
      reading.long,
      reading.longChecks,
      reading.short,
      reading.shortChecks,
    ]);
    // 1 d: today's 145 and 13:00–23:00 yesterday; 3 d: 28 March 13:00 onwards.
    expect(counts).toEqual([
      ['1h', 12, '5m', 1],
      ['6h', 72, '30m', 6],
      ['1d', 156, '2h', 24],
      ['3d', 204, '6h', 72],
    ]);
    // Two failures in each window: 1 h is 2/12 ÷ 0.1 % = 166.7×, 5 min is 1/1 = 1000×.
    expect(burnRates[0]!.longRate).toBeCloseTo(166.667, 2);
    expect(burnRates[0]!.shortRate).toBeCloseTo(1000, 6);
    expect(burnRates[3]!.longRate).toBeCloseTo(2 / 204 / 0.001, 6);
    expect(burnRates.every((reading) => reading.firing)).toBe(true);
  });

  test('a window too short to hold a check reads the latest one', async () => {
    // 7 minutes after the last check the 5-minute window holds no check of its own.
    const later = new Date(now.getTime() + 7 * 60_000);
    const checks = await getBurnWindowChecks(handle.db, production.id, later);
    expect(checks['5m']).toEqual({ okChecks: 0, totalChecks: 1 });
    // 11:40 to 12:00: five checks, the last two failed; nothing stretches a window that has checks.
    expect(checks['30m']).toEqual({ okChecks: 3, totalChecks: 5 });
  });

  test('burns the 30-day budget down to the window figure', async () => {
    const { errorBudget } = await metrics('7d');
    expect(errorBudget).toMatchObject({ from: '2026-03-02', to: '2026-03-31', checks: 841 });
    expect(errorBudget.failures).toBe(5);
    expect(errorBudget.remaining).toBeCloseTo(1 - 5 / 0.841, 9);
    const tenth = errorBudget.points.find((point) => point.day === '2026-03-10')!;
    expect(tenth.remainingPct).toBeCloseTo((1 - 2 / 0.841) * 100, 6);
    // Already overspent: nothing left to project.
    expect(errorBudget.exhaustsOn).toBeNull();
    expect(errorBudget.points).toHaveLength(30);
  });

  test('gives latency by hour over 24 hours and by day over 7 and 30 days', async () => {
    const { latency } = await metrics('30d');
    const hours = latency['24h'].points;
    expect(hours).toHaveLength(24);
    expect(hours[0]).toMatchObject({ period: '2026-03-30T13:00:00.000Z', p50: 113 });
    // 11:00–11:55: the 11 successful checks 200–209 and 200–202; 12:00 failed, so no figure.
    expect(hours[22]).toMatchObject({ period: '2026-03-31T11:00:00.000Z', p50: 204 });
    expect(hours[23]).toEqual({ period: '2026-03-31T12:00:00.000Z', p50: null, p95: null });
    expect(latency['7d'].points).toHaveLength(7);
    expect(latency['30d'].points).toHaveLength(30);
    expect(latency['30d'].points[3]).toMatchObject({ period: '2026-03-05' });
    expect(latency['30d'].points[3]!.p50).toBeCloseTo(111.5, 3);
  });

  test('an environment without checks has days but no figures', async () => {
    const empty = await metrics('30d', 'development');
    expect(empty.availability.periods.every((period) => period.pct === null)).toBe(true);
    expect(empty.availability.window).toMatchObject({ pct: null, status: 'no-data' });
    expect(empty.errorBudget.remaining).toBeNull();
    expect(empty.burnRates.every((reading) => reading.longRate === null && !reading.firing)).toBe(
      true,
    );
    expect(empty.latency['24h'].points.every((point) => point.p50 === null)).toBe(true);
    expect(empty.incidents).toEqual([]);
  });

  test('knows no environment outside the project’s active ones', async () => {
    expect(
      await getUptimeMetrics(handle.db, project, { environmentSlug: 'nope', range: '30d', now }),
    ).toBeUndefined();
  });
});

describe('GET /api/v1/metrics/uptime', () => {
  const get = (query: string, cookie?: string) =>
    uptimeMetrics(getWithCookie(`/api/v1/metrics/uptime${query}`, cookie));

  test('refuses an anonymous caller', async () => {
    expect((await get('?range=7d')).status).toBe(401);
  });

  test('answers a viewer with production’s series for the range', async () => {
    const response = await get('?range=7d', viewerCookie);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: UptimeMetrics };
    expect(data.environment.slug).toBe('production');
    expect(data.range).toBe('7d');
    expect(data.availability.periods).toHaveLength(7);
    expect(data.burnRates).toHaveLength(4);
    expect(data.latency['24h'].points).toHaveLength(24);
  });

  test('answers another environment when named, 30 days by default', async () => {
    const response = await get('?environment=staging', viewerCookie);
    const { data } = (await response.json()) as { data: UptimeMetrics };
    expect(data).toMatchObject({ range: '30d', environment: { slug: 'staging' } });
    expect(data.availability.periods).toHaveLength(30);
  });

  test('is a 400 for an unknown range and a 404 for an unknown environment', async () => {
    const badRange = await get('?range=2w', viewerCookie);
    expect(badRange.status).toBe(400);
    expect((await badRange.json()).error.code).toBe('invalid_query');
    const unknown = await get('?environment=nope', viewerCookie);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('environment_not_found');
  });
});
