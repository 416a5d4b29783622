import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as dora } from '@/app/api/v1/metrics/dora/route';
import type { DatabaseHandle } from '@/db/client';
import { doraTrendWeeks, getDoraSummary } from '@/db/queries/dora';
import { environments, type Project } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import {
  createDeployments,
  createEnvironment,
  createProject,
  createPullRequest,
  createUptimeChecks,
  DAY,
  HOUR,
  MINUTE,
  sha,
} from '../support/factories';
import { getWithCookie, signedInMember } from '../support/session';
import { createTestDatabase } from '../support/test-database';

const processCache = globalThis as unknown as { envboardDatabase?: DatabaseHandle };
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  processCache.envboardDatabase = handle;
});

afterAll(async () => {
  processCache.envboardDatabase = undefined;
  await handle?.close();
});

const utc = (iso: string) => new Date(`${iso}Z`);
/** Friday 20 March 2026, noon UTC. */
const NOW = utc('2026-03-20T12:00:00');

// The board's project is the first one created: the API reads it.
let project: Project;

describe('getDoraSummary on a hand-built production history', () => {
  beforeAll(async () => {
    project = await createProject(handle.db);
    const production = await createEnvironment(handle.db, project, {
      kind: 'production',
      slug: 'production',
    });
    const staging = await createEnvironment(handle.db, project, { kind: 'staging' });
    const preview = await createEnvironment(handle.db, project, { kind: 'preview' });
    // A pull request opened on the 10th, squash-merged to main and built on staging on the 11th.
    const pr = await createPullRequest(handle.db, project, {
      number: 41,
      openedAt: utc('2026-03-10T09:00:00'),
    });
    const merge = sha(9001);
    const [stagingBuild] = await createDeployments(handle.db, staging, [
      {
        commitSha: merge,
        commitMessage: `${pr.title} (#41)`,
        providerCreatedAt: utc('2026-03-11T10:00:00'),
        readyAt: utc('2026-03-11T10:02:00'),
      },
    ]);
    const hotfix = sha(9002);
    await createDeployments(handle.db, production, [
      // Promoted at 14:00 on the 11th: lead time from the pull request's opening, 29 h.
      {
        source: 'promote',
        sourceDeploymentId: stagingBuild!.id,
        commitSha: merge,
        commitMessage: `${pr.title} (#41)`,
        providerCreatedAt: utc('2026-03-11T14:00:00'),
        readyAt: utc('2026-03-11T14:00:00'),
      },
      // Built from git on the 16th, first seen at 10:00, serving at 10:05: lead time 5 minutes.
      {
        commitSha: hotfix,
        providerCreatedAt: utc('2026-03-16T10:00:00'),
        readyAt: utc('2026-03-16T10:05:00'),
      },
      // It broke production: rolled back at 10:30 (not counted as a deployment).
      {
        source: 'rollback',
        commitSha: merge,
        providerCreatedAt: utc('2026-03-16T10:30:00'),
        readyAt: utc('2026-03-16T10:30:10'),
      },
      // A failed build never served: not counted.
      { state: 'error', providerCreatedAt: utc('2026-03-17T10:00:00') },
      // Before the window: not read.
      { providerCreatedAt: utc('2025-10-01T10:00:00'), readyAt: utc('2025-10-01T10:05:00') },
    ]);
    await createDeployments(handle.db, preview, [
      { providerCreatedAt: utc('2026-03-12T10:00:00') },
    ]);
    // Checks every 5 minutes from 10:00: 10:10 to 10:25 fail, 10:30 is healthy again.
    await createUptimeChecks(handle.db, production, {
      from: utc('2026-03-16T10:00:00'),
      count: 9,
      failing: [2, 3, 4, 5],
    });
  });

  test('gives the four keys over the range with their bands', async () => {
    const summary = await getDoraSummary(handle.db, project.id, { range: '30d', now: NOW });
    expect(summary.from).toBe('2026-02-19T00:00:00.000Z');
    expect(summary.period).toEqual({
      deployments: 2,
      failedDeployments: 1,
      leadTimeMs: (29 * HOUR + 5 * MINUTE) / 2,
      changeFailureRate: 0.5,
      restores: 1,
      timeToRestoreMs: 20 * MINUTE,
    });
    const span = NOW.getTime() - utc('2026-02-19T00:00:00').getTime();
    expect(summary.figures.deploymentFrequency.value).toBeCloseTo((2 * 7 * DAY) / span);
    expect(summary.figures.deploymentFrequency.band).toBe('medium');
    expect(summary.figures.leadTime.band).toBe('elite');
    expect(summary.figures.changeFailureRate.band).toBe('low');
    expect(summary.figures.timeToRestore.band).toBe('elite');
  });

  test('draws the last 12 ISO weeks, the deployments in the week they served', async () => {
    const summary = await getDoraSummary(handle.db, project.id, { range: '30d', now: NOW });
    expect(summary.weeks).toHaveLength(12);
    expect(summary.weeks.at(-1)!.week).toBe('2026-03-16');
    const byWeek = Object.fromEntries(summary.weeks.map((w) => [w.week, w]));
    expect(byWeek['2026-03-09']).toMatchObject({ deployments: 1, leadTimeMs: 29 * HOUR });
    expect(byWeek['2026-03-16']).toMatchObject({
      deployments: 1,
      failedDeployments: 1,
      leadTimeMs: 5 * MINUTE,
      timeToRestoreMs: 20 * MINUTE,
    });
    expect(summary.weeks.filter((w) => w.deployments > 0)).toHaveLength(2);
  });

  test('a 7-day range covers one deployment; 12 months draws a year of weeks', async () => {
    const week = await getDoraSummary(handle.db, project.id, { range: '7d', now: NOW });
    expect(week.period.deployments).toBe(1);
    const year = await getDoraSummary(handle.db, project.id, { range: '12m', now: NOW });
    expect(year.weeks).toHaveLength(53);
    expect(year.period.deployments).toBe(3);
    expect(doraTrendWeeks('90d', NOW)).toHaveLength(13);
  });

  test('a project without production has no figures and empty weeks', async () => {
    const empty = await createProject(handle.db);
    const summary = await getDoraSummary(handle.db, empty.id, { range: '30d', now: NOW });
    expect(Object.values(summary.figures).map((figure) => figure.band)).toEqual([
      'low',
      null,
      null,
      null,
    ]);
    expect(summary.figures.deploymentFrequency.value).toBe(0);
    expect(summary.weeks.every((w) => w.deployments === 0)).toBe(true);
  });
});

describe('GET /api/v1/metrics/dora', () => {
  let cookie: string;

  beforeAll(async () => {
    ({ cookie } = await signedInMember(handle.db, project, 'viewer'));
    const [production] = await handle.db
      .select()
      .from(environments)
      .where(and(eq(environments.projectId, project.id), eq(environments.kind, 'production')));
    const now = Date.now();
    await createDeployments(handle.db, production!, [
      { providerCreatedAt: new Date(now - 2 * DAY), readyAt: new Date(now - 2 * DAY + MINUTE) },
      { providerCreatedAt: new Date(now - 3 * DAY), readyAt: new Date(now - 3 * DAY + MINUTE) },
    ]);
  });

  test('answers anonymous callers 401', async () => {
    expect((await dora(getWithCookie('/api/v1/metrics/dora'))).status).toBe(401);
  });

  test('answers a viewer the figures and the weeks, and refuses an unknown range', async () => {
    const response = await dora(getWithCookie('/api/v1/metrics/dora?range=7d', cookie));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.range).toBe('7d');
    expect(data.period.deployments).toBe(2);
    expect(data.figures.deploymentFrequency).toMatchObject({ band: 'high' });
    expect(data.weeks).toHaveLength(12);
    expect(data.weeks[0]).toEqual(expect.objectContaining({ week: expect.any(String) }));
    const bad = await dora(getWithCookie('/api/v1/metrics/dora?range=5y', cookie));
    expect(bad.status).toBe(400);
  });
});
