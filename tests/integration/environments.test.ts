import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { getEnvironment, getEnvironmentCost, listEnvironments } from '@/db/queries/environments';
import type { Environment, Project } from '@/db/schema';
import { setCurrentDeployment, upsertDbBranch } from '@/db/writes';
import { decodeCursor } from '@/lib/paging';
import * as f from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
let project: Project;
let production: Environment;
let staging: Environment;
let previews: Environment[];

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await f.createProject(db);
  const other = await f.createProject(db);
  await f.createEnvironment(db, other, { kind: 'production', slug: 'production' });

  const main = await upsertDbBranch(db, {
    projectId: project.id,
    neonBranchId: 'br-main',
    name: 'main',
    isDefault: true,
    state: 'ready',
    providerCreatedAt: at('2025-12-01T00:00:00Z'),
    providerUpdatedAt: at('2025-12-01T00:00:00Z'),
  });
  const previewBranch = await upsertDbBranch(db, {
    projectId: project.id,
    neonBranchId: 'br-preview-1',
    name: 'preview/feature-1',
    parentNeonBranchId: 'br-main',
    state: 'ready',
    logicalSizeBytes: 5 * 1024 * 1024,
    migrationsValidatedAt: at('2026-01-03T00:00:00Z'),
    expiresAt: at('2026-01-10T00:00:00Z'),
    providerCreatedAt: at('2026-01-02T00:00:00Z'),
    providerUpdatedAt: at('2026-01-02T00:00:00Z'),
  });

  // Created out of order on purpose: the list orders by kind, not by insertion.
  const pr = await f.createPullRequest(db, project, { number: 42, title: 'Add search' });
  previews = [];
  previews.push(
    await f.createEnvironment(db, project, {
      kind: 'preview',
      slug: 'pr-42',
      pullRequestId: pr.id,
      dbBranchId: previewBranch!.id,
    }),
  );
  production = await f.createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
    gitBranch: 'main',
    dbBranchId: main!.id,
  });
  previews.push(await f.createEnvironment(db, project, { kind: 'preview', slug: 'pr-43' }));
  staging = await f.createEnvironment(db, project, { kind: 'staging', slug: 'staging' });
  await f.createEnvironment(db, project, { kind: 'development', slug: 'development' });
  previews.push(await f.createEnvironment(db, project, { kind: 'preview', slug: 'pr-44' }));
  await f.createEnvironment(db, project, {
    kind: 'preview',
    slug: 'pr-40',
    status: 'deleted',
    deletedAt: at('2026-01-05T00:00:00Z'),
  });

  const deployed = await f.createDeployments(db, production, [
    { commitMessage: 'First', providerCreatedAt: at('2026-01-01T10:00:00Z') },
    { commitMessage: 'Broken', state: 'error', providerCreatedAt: at('2026-01-02T10:00:00Z') },
    { commitMessage: 'Fixed', providerCreatedAt: at('2026-01-03T10:00:00Z') },
  ]);
  await setCurrentDeployment(db, production.id, deployed[2]!.id, at('2026-01-03T10:05:00Z'));
});

afterAll(async () => {
  await handle?.close();
});

const slugs = (rows: { slug: string }[]) => rows.map((row) => row.slug);

describe('listEnvironments', () => {
  test('lists long-lived environments first, then active previews newest first', async () => {
    const page = await listEnvironments(handle.db, project.id, { deleted: false }, { limit: 50 });
    expect(slugs(page.rows)).toEqual([
      'production',
      'staging',
      'development',
      'pr-44',
      'pr-43',
      'pr-42',
    ]);
    expect(page.nextCursor).toBeNull();
  });

  test('shows what production serves now and its database branch', async () => {
    const page = await listEnvironments(
      handle.db,
      project.id,
      { kind: 'production', deleted: false },
      { limit: 50 },
    );
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]!.current).toMatchObject({ commitMessage: 'Fixed', state: 'ready' });
    expect(page.rows[0]!.dbBranch).toMatchObject({ name: 'main' });
  });

  test('filters by kind and includes deleted environments only when asked', async () => {
    const active = await listEnvironments(
      handle.db,
      project.id,
      { kind: 'preview', deleted: false },
      { limit: 50 },
    );
    expect(slugs(active.rows)).toEqual(['pr-44', 'pr-43', 'pr-42']);
    const all = await listEnvironments(
      handle.db,
      project.id,
      { kind: 'preview', deleted: true },
      { limit: 50 },
    );
    expect(slugs(all.rows)).toEqual(['pr-40', 'pr-44', 'pr-43', 'pr-42']);
    expect(all.rows[0]!.status).toBe('deleted');
  });

  test('pages through every environment once, in the unpaged order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listEnvironments>> = await listEnvironments(
        handle.db,
        project.id,
        { deleted: true },
        { limit: 2, cursor: decodeCursor(cursor) },
      );
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...slugs(page.rows));
      cursor = page.nextCursor;
    } while (cursor);
    const unpaged = await listEnvironments(handle.db, project.id, { deleted: true }, { limit: 50 });
    expect(seen).toEqual(slugs(unpaged.rows));
    expect(seen).toHaveLength(7);
  });
});

describe('getEnvironment', () => {
  test('returns the preview with its pull request and database branch lineage', async () => {
    const preview = await getEnvironment(handle.db, project.id, 'pr-42');
    expect(preview).toMatchObject({
      slug: 'pr-42',
      kind: 'preview',
      pullRequest: { number: 42, title: 'Add search' },
      dbBranch: {
        name: 'preview/feature-1',
        neonBranchId: 'br-preview-1',
        parentName: 'main',
        logicalSizeBytes: 5 * 1024 * 1024,
      },
      current: null,
    });
    expect(preview!.dbBranch!.migrationsValidatedAt).toEqual(at('2026-01-03T00:00:00Z'));
  });

  test('is undefined for an unknown slug or another project', async () => {
    expect(await getEnvironment(handle.db, project.id, 'nope')).toBeUndefined();
    expect(await getEnvironment(handle.db, project.id + 1, 'pr-42')).toBeUndefined();
  });
});

describe('getEnvironmentCost', () => {
  test('splits this month from the lifetime and ignores other environments', async () => {
    await f.createCostSamples(handle.db, project, [
      { day: '2025-12-30', amountUsd: 4, environmentId: staging.id, metric: 'a' },
      { day: '2026-01-01', amountUsd: 1.25, environmentId: staging.id, metric: 'a' },
      { day: '2026-01-02', amountUsd: 2.5, environmentId: staging.id, metric: 'a' },
      { day: '2026-01-02', amountUsd: 100, environmentId: production.id, metric: 'a' },
      { day: '2026-01-02', amountUsd: 50, metric: 'shared' },
    ]);
    const cost = await getEnvironmentCost(handle.db, staging.id, {
      now: at('2026-01-02T12:00:00Z'),
    });
    expect(cost.monthToDateUsd).toBeCloseTo(3.75);
    expect(cost.lifetimeUsd).toBeCloseTo(7.75);
  });
});
