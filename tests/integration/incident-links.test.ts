import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listLinkedIncidents, suspectedIncidentsOf } from '@/db/queries/incident-links';
import { environments, type Environment, type Project } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/roles';
import {
  createDeployments,
  createEnvironment,
  createProject,
  createUptimeChecks,
  HOUR,
  MINUTE,
} from '../support/factories';
import { createTestDatabase } from '../support/test-database';

vi.mock('next/headers', async () =>
  (await import('./operations-actions/next-mocks')).headersModule(),
);
vi.mock('next/cache', async () => (await import('./operations-actions/next-mocks')).cacheModule());

const { incidentRollbackOffer } = await import('@/app/(board)/uptime/incident-rollback');

const DAY = 24 * HOUR;
const now = new Date(Date.UTC(2026, 10, 20, 12));
const ago = (ms: number) => new Date(now.getTime() - ms);

let handle: DatabaseHandle;
let project: Project;
let production: Environment;
let ids: { old: number; previous: number; culprit: number; during: number };

beforeAll(async () => {
  handle = await createTestDatabase();
  project = await createProject(handle.db);
  production = await createEnvironment(handle.db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
  });
  const rows = await createDeployments(handle.db, production, [
    { providerCreatedAt: ago(10 * DAY), commitMessage: 'feat: old' },
    { providerCreatedAt: ago(2 * DAY), commitMessage: 'feat: checkout v1' },
    { providerCreatedAt: ago(3 * HOUR), commitMessage: 'feat: checkout v2\n\nbody' },
    // Began serving during the open incident: not its cause.
    { providerCreatedAt: ago(HOUR), commitMessage: 'fix: too late' },
  ]);
  const [old, previous, culprit, during] = rows.map((row) => row.id);
  ids = { old: old!, previous: previous!, culprit: culprit!, during: during! };
  await handle.db
    .update(environments)
    .set({ currentDeploymentId: during })
    .where(eq(environments.id, production.id));
  // Every 5 minutes over the last 5 days. Two outages: 4 days ago (the build of 10 days before
  // was serving: linked, not suspected) and one that began 2 h 50 min ago, 10 minutes after the
  // culprit went live, and is still going.
  const count = (5 * DAY) / (5 * MINUTE);
  const fourDaysAgo = count - (4 * DAY) / (5 * MINUTE);
  const openFrom = count - (170 * MINUTE) / (5 * MINUTE);
  await createUptimeChecks(handle.db, production, {
    from: ago(5 * DAY - 5 * MINUTE),
    count,
    failing: [
      fourDaysAgo,
      fourDaysAgo + 1,
      ...Array.from({ length: count - openFrom }, (_, index) => openFrom + index),
    ],
  });
});

afterAll(() => handle?.close());

describe('incidents linked to deployments from the database', () => {
  test('each incident gets the deployment serving when it began; the fresh one is suspected', async () => {
    const incidents = await listLinkedIncidents(handle.db, project.id, { now, days: 7 });
    expect(
      incidents.map((incident) => [
        incident.resolvedAt === null,
        incident.cause.deployment?.id,
        incident.cause.suspected,
      ]),
    ).toEqual([
      [true, ids.culprit, true],
      [false, ids.old, false],
    ]);
  });

  test('a deployment row learns which incident it is suspected of', async () => {
    const suspected = await suspectedIncidentsOf(handle.db, project.id, Object.values(ids), now);
    expect(suspected.map((incident) => [incident.deploymentId, incident.resolvedAt])).toEqual([
      [ids.culprit, null],
    ]);
  });
});

describe('Roll back to <previous> on the open incident', () => {
  const actor = (role: Role): Actor => ({
    userId: 1,
    githubId: 1,
    login: 'someone',
    name: 'Someone',
    avatarUrl: null,
    role,
    projectId: project.id,
  });

  test('a release manager is offered the deployment before the suspect, with the reason written', async () => {
    const incidents = await listLinkedIncidents(handle.db, project.id, { now, days: 7 });
    const offer = await incidentRollbackOffer(
      handle.db,
      project,
      incidents,
      actor('release_manager'),
    );
    expect(offer?.target).toMatchObject({ id: ids.previous, commitMessage: 'feat: checkout v1' });
    expect(offer?.reason).toMatch(
      /^Incident since \d\d:\d\d UTC: Production down — suspected [0-9a-f]{7} feat: checkout v2$/,
    );
  });

  test.each(['viewer', 'developer'] as const)('a %s is offered nothing', async (role) => {
    const incidents = await listLinkedIncidents(handle.db, project.id, { now, days: 7 });
    expect(await incidentRollbackOffer(handle.db, project, incidents, actor(role))).toBeUndefined();
  });
});
