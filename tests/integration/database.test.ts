import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { migrationStatus } from '@/db/migrate';
import journal from '@/db/migrations/meta/_journal.json';
import {
  type Deployment,
  deployments,
  type Environment,
  type NewDeployment,
  type Project,
  projects,
} from '@/db/schema';
import { upsertDeployments, upsertProject } from '@/db/writes';
import {
  at,
  createDeployments,
  createEnvironment,
  createOperation,
  createProject,
} from '../support/factories';
import { createTestDatabase, currentTestDriver } from '../support/test-database';

const driver = currentTestDriver();
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe(`the test database on ${driver}`, () => {
  test('is opened through the driver its vitest project names', () => {
    expect(handle.driver).toBe(driver);
  });

  test('has every committed migration applied', async () => {
    const status = await migrationStatus(handle);
    expect(status).toEqual({
      applied: journal.entries.length,
      expected: journal.entries.length,
      current: true,
    });
    expect(status.applied).toBeGreaterThan(0);
  });

  test('starts with no rows, whatever other test files write', async () => {
    const [row] = await handle.db.select({ projects: count() }).from(projects);
    expect(row?.projects).toBe(0);
  });
});

describe(`write functions on ${driver}`, () => {
  test('upsertProject inserts a project, then updates it in place by slug', async () => {
    const first = await upsertProject(handle.db, {
      slug: 'envboard',
      name: 'Envboard',
      githubOwner: 'acme',
      githubRepo: 'envboard',
    });
    const { id: _id, ...fields } = first;
    const second = await upsertProject(handle.db, { ...fields, name: 'Renamed' });
    const stored = await handle.db.select().from(projects).where(eq(projects.slug, 'envboard'));
    expect(second.id).toBe(first.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: 'Renamed',
      githubRepo: 'envboard',
      productionBranch: 'main',
    });
  });

  describe('upsertDeployments', () => {
    let project: Project;
    let environment: Environment;

    beforeAll(async () => {
      project = await createProject(handle.db);
      environment = await createEnvironment(handle.db, project, { kind: 'staging' });
    });

    // The same deployment as a later provider event would carry it: everything but our id.
    const fieldsOf = ({ id: _id, ...fields }: Deployment): NewDeployment => fields;

    const stateOf = async (vercelId: string) => {
      const [row] = await handle.db
        .select({ state: deployments.state, readyAt: deployments.readyAt })
        .from(deployments)
        .where(eq(deployments.vercelId, vercelId));
      return row;
    };

    test('advances a deployment when a newer provider event arrives', async () => {
      const [created] = await createDeployments(handle.db, environment, [
        { state: 'building', providerCreatedAt: at(0), providerUpdatedAt: at(0) },
      ]);
      await upsertDeployments(handle.db, [
        { ...fieldsOf(created!), state: 'ready', readyAt: at(3), providerUpdatedAt: at(3) },
      ]);
      expect(await stateOf(created!.vercelId)).toEqual({ state: 'ready', readyAt: at(3) });
    });

    test('keeps the newer state when an older event arrives late', async () => {
      const [created] = await createDeployments(handle.db, environment, [
        { state: 'ready', readyAt: at(5), providerCreatedAt: at(0), providerUpdatedAt: at(5) },
      ]);
      const written = await upsertDeployments(handle.db, [
        { ...fieldsOf(created!), state: 'building', readyAt: null, providerUpdatedAt: at(2) },
      ]);
      expect(written).toEqual([]);
      expect(await stateOf(created!.vercelId)).toEqual({ state: 'ready', readyAt: at(5) });
    });
  });
});

describe(`operations on ${driver}`, () => {
  test('allow only one active operation per environment', async () => {
    const project = await createProject(handle.db);
    const production = await createEnvironment(handle.db, project, { kind: 'production' });
    const staging = await createEnvironment(handle.db, project, { kind: 'staging' });
    await createOperation(handle.db, project, { environmentId: production.id, state: 'running' });

    const second = createOperation(handle.db, project, {
      environmentId: production.id,
      state: 'running',
    });
    await expect(second).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23505' }),
    });

    // Finished operations and other environments are not held back by the running one.
    await expect(
      createOperation(handle.db, project, { environmentId: production.id, state: 'succeeded' }),
    ).resolves.toMatchObject({ state: 'succeeded' });
    await expect(
      createOperation(handle.db, project, { environmentId: staging.id, state: 'running' }),
    ).resolves.toMatchObject({ state: 'running' });
  });
});
