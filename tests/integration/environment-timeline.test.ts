import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getEnvironmentTimeline } from '@/db/queries/environment-timeline';
import {
  createCostSamples,
  createDeployments,
  createEnvironment,
  createOperation,
  createProject,
  createTestRun,
  createUptimeChecks,
  makeCases,
} from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const utc = (iso: string) => new Date(`${iso}Z`);
const NOW = utc('2026-11-20T12:00:00');

describe('getEnvironmentTimeline', () => {
  test("puts one environment's events of the range on one axis, oldest first", async () => {
    const project = await createProject(handle.db);
    const staging = await createEnvironment(handle.db, project, { kind: 'staging' });
    const other = await createEnvironment(handle.db, project, { kind: 'preview' });
    await createDeployments(handle.db, staging, [
      { providerCreatedAt: utc('2026-11-18T10:00:00'), commitMessage: 'feat: one' },
      { providerCreatedAt: utc('2026-11-19T10:00:00'), state: 'error' },
      // Before the 7-day range.
      { providerCreatedAt: utc('2026-11-01T10:00:00') },
    ]);
    await createDeployments(handle.db, other, [{ providerCreatedAt: utc('2026-11-18T11:00:00') }]);
    await createOperation(handle.db, project, {
      environmentId: staging.id,
      kind: 'reseed',
      state: 'failed',
      error: 'branch busy',
      requestedAt: utc('2026-11-19T09:00:00'),
    });
    // Three failed checks from 08:05, healthy again at 08:20.
    await createUptimeChecks(handle.db, staging, {
      from: utc('2026-11-17T08:00:00'),
      count: 5,
      failing: [1, 2, 3],
    });
    await createTestRun(
      handle.db,
      project,
      { suite: 'e2e', branch: staging.gitBranch, startedAt: utc('2026-11-18T10:30:00') },
      makeCases(2, { 1: 'failed' }),
    );
    await createTestRun(
      handle.db,
      project,
      { suite: 'unit', branch: 'unrelated', startedAt: utc('2026-11-18T10:30:00') },
      makeCases(1),
    );
    // $1 a day, then $5 on the 16th: a spike.
    await createCostSamples(handle.db, project, [
      ...Array.from({ length: 9 }, (_, index) => ({
        day: `2026-11-${String(index + 7).padStart(2, '0')}`,
        amountUsd: 1,
        environmentId: staging.id,
      })),
      { day: '2026-11-16', amountUsd: 5, environmentId: staging.id },
    ]);

    const timeline = await getEnvironmentTimeline(
      handle.db,
      project.id,
      { id: staging.id, slug: staging.slug, gitBranch: staging.gitBranch, pullRequestId: null },
      { range: '7d', now: NOW },
    );
    expect(timeline.from).toBe('2026-11-14T00:00:00.000Z');
    expect(timeline.truncated).toEqual([]);
    expect(timeline.events.map((event) => [event.lane, event.at, event.status, event.bad])).toEqual(
      [
        ['cost-spike', '2026-11-16T12:00:00.000Z', 'spike', true],
        ['incident', '2026-11-17T08:05:00.000Z', 'resolved', true],
        ['deployment', '2026-11-18T10:00:00.000Z', 'ready', false],
        ['test-run', '2026-11-18T10:30:00.000Z', 'failed', true],
        ['operation', '2026-11-19T09:00:00.000Z', 'failed', true],
        ['deployment', '2026-11-19T10:00:00.000Z', 'error', true],
      ],
    );
    const [spike, incident] = timeline.events;
    expect(spike).toMatchObject({ amountUsd: 5, baselineUsd: 1 });
    expect(incident!.endAt).toBe('2026-11-17T08:20:00.000Z');
  });

  test('an environment with no history has an empty timeline', async () => {
    const project = await createProject(handle.db);
    const quiet = await createEnvironment(handle.db, project, { kind: 'preview' });
    const timeline = await getEnvironmentTimeline(
      handle.db,
      project.id,
      { id: quiet.id, slug: quiet.slug, gitBranch: quiet.gitBranch, pullRequestId: null },
      { range: '30d', now: NOW },
    );
    expect(timeline.events).toEqual([]);
  });
});
