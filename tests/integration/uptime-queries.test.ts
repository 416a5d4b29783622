import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getUptimeByEnvironment, listIncidents } from '@/db/queries/uptime';
import type { Environment, Project } from '@/db/schema';
import { recordUptimeChecks } from '@/db/writes';
import { createEnvironment, createProject, MINUTE } from '../support/factories';
import { createTestDatabase } from '../support/test-database';

const now = new Date('2026-03-31T00:00:00Z');
const CHECKS_30D = (30 * 24 * 60) / 5;

let handle: DatabaseHandle;
let project: Project;
let production: Environment;
let staging: Environment;

/** One check every 5 minutes; `age` k is the check k × 5 minutes before now. */
async function checkEvery5Minutes(
  environment: Environment,
  { failingAges, missingAges = [] }: { failingAges: number[]; missingAges?: number[] },
) {
  const failing = new Set(failingAges);
  const missing = new Set(missingAges);
  const rows = [];
  for (let age = 0; age < CHECKS_30D; age += 1) {
    if (missing.has(age)) continue;
    const ok = !failing.has(age);
    rows.push({
      environmentId: environment.id,
      checkedAt: new Date(now.getTime() - age * 5 * MINUTE),
      ok,
      statusCode: ok ? 200 : 502,
      latencyMs: ok ? age % 100 : null,
      error: ok ? null : `502 Bad Gateway (age ${age})`,
    });
  }
  await recordUptimeChecks(handle.db, rows);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await createProject(db);
  staging = await createEnvironment(db, project, {
    kind: 'staging',
    slug: 'staging',
    name: 'Staging',
  });
  production = await createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
  });
  // Production: down right now (2 checks), one blip 200 minutes ago, three in a row ten days ago.
  await checkEvery5Minutes(production, { failingAges: [0, 1, 40, 3000, 3001, 3002] });
  // Staging: two failures with a monitoring gap (no checks at all) between them are one incident.
  await checkEvery5Minutes(staging, { failingAges: [100, 105], missingAges: [101, 102, 103, 104] });
  const deleted = await createEnvironment(db, project, { status: 'deleted' });
  await checkEvery5Minutes(deleted, { failingAges: [7] });
  const other = await createProject(db);
  const otherProduction = await createEnvironment(db, other, {
    kind: 'production',
    slug: 'production',
  });
  await checkEvery5Minutes(otherProduction, { failingAges: [9] });
});

afterAll(async () => {
  await handle?.close();
});

describe('getUptimeByEnvironment', () => {
  test('gives each active environment its uptime over 24 h, 7 d and 30 d, production first', async () => {
    const rows = await getUptimeByEnvironment(handle.db, project.id, { now });
    expect(rows.map((row) => row.slug)).toEqual(['production', 'staging']);
    const [prod] = rows;
    expect(prod!.windows['24h']).toMatchObject({ okChecks: 288 - 3, totalChecks: 288 });
    expect(prod!.windows['7d']).toMatchObject({ okChecks: 2016 - 3, totalChecks: 2016 });
    expect(prod!.windows['30d']).toMatchObject({
      okChecks: CHECKS_30D - 6,
      totalChecks: CHECKS_30D,
    });
    expect(prod!.windows['30d'].pct).toBeCloseTo(((CHECKS_30D - 6) / CHECKS_30D) * 100, 6);
  });

  test('reads one environment alone when asked for it', async () => {
    const all = await getUptimeByEnvironment(handle.db, project.id, { now });
    const staging = all.find((row) => row.slug === 'staging')!;
    const alone = await getUptimeByEnvironment(handle.db, project.id, {
      now,
      environmentId: staging.environmentId,
    });
    expect(alone).toEqual([staging]);
  });

  test('compares each window with the SLO', async () => {
    const [prod, stage] = await getUptimeByEnvironment(handle.db, project.id, { now });
    // 3 failures in 288 checks is 98.96%: below 99.9%. 6 in 8640 is 99.93%: meeting it.
    expect(prod!.sloPct).toBe(99.9);
    expect(prod!.windows['24h'].status).toBe('breaching');
    expect(prod!.windows['30d'].status).toBe('meeting');
    expect(stage!.windows['30d'].status).toBe('meeting');
  });

  test('takes latency percentiles over successful checks and reports the last check', async () => {
    const [prod] = await getUptimeByEnvironment(handle.db, project.id, { now });
    expect(prod!.latencyP50Ms).toBeGreaterThan(48);
    expect(prod!.latencyP50Ms).toBeLessThan(51);
    expect(prod!.latencyP95Ms).toBeGreaterThan(93);
    expect(prod!.latencyP95Ms).toBeLessThan(96);
    expect(prod!.lastCheck).toEqual({
      checkedAt: now,
      ok: false,
      statusCode: 502,
      latencyMs: null,
    });
  });

  test('an environment with no checks has no figures rather than 0%', async () => {
    await createEnvironment(handle.db, project, {
      kind: 'development',
      slug: 'development',
      name: 'Development',
    });
    const rows = await getUptimeByEnvironment(handle.db, project.id, { now });
    const development = rows.find((row) => row.slug === 'development');
    expect(development?.windows['30d']).toEqual({
      okChecks: 0,
      totalChecks: 0,
      pct: null,
      status: 'no-data',
    });
    expect(development?.lastCheck).toBeNull();
  });
});

describe('listIncidents', () => {
  test('turns consecutive failures into incidents with start, end, duration and count', async () => {
    const incidents = await listIncidents(handle.db, project.id, { now, days: 30 });
    const production = incidents.filter((incident) => incident.environmentSlug === 'production');
    expect(production.map((incident) => incident.checksFailed)).toEqual([2, 1, 3]);
    const [ongoing, blip, outage] = production;
    expect(ongoing).toMatchObject({
      startedAt: new Date(now.getTime() - 5 * MINUTE),
      resolvedAt: null,
      durationMs: 5 * MINUTE,
    });
    expect(blip).toMatchObject({
      startedAt: new Date(now.getTime() - 200 * MINUTE),
      resolvedAt: new Date(now.getTime() - 195 * MINUTE),
      durationMs: 5 * MINUTE,
      firstError: '502 Bad Gateway (age 40)',
      firstStatusCode: 502,
    });
    expect(outage).toMatchObject({
      startedAt: new Date(now.getTime() - 3002 * 5 * MINUTE),
      lastFailureAt: new Date(now.getTime() - 3000 * 5 * MINUTE),
      resolvedAt: new Date(now.getTime() - 2999 * 5 * MINUTE),
      durationMs: 15 * MINUTE,
    });
  });

  test('failures with no successful check between them are one incident, even across a gap', async () => {
    const incidents = await listIncidents(handle.db, project.id, { now, days: 30 });
    const staging = incidents.filter((incident) => incident.environmentSlug === 'staging');
    expect(staging).toHaveLength(1);
    expect(staging[0]).toMatchObject({ checksFailed: 2, durationMs: 30 * MINUTE });
  });

  test('lists newest first, only inside the window and only for this project', async () => {
    const incidents = await listIncidents(handle.db, project.id, { now, days: 7 });
    expect(incidents.map((incident) => [incident.environmentSlug, incident.checksFailed])).toEqual([
      ['production', 2],
      // A deleted environment's incidents stay in the history.
      [expect.stringMatching(/^preview-/), 1],
      ['production', 1],
      ['staging', 2],
    ]);
    const starts = incidents.map((incident) => incident.startedAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });
});
