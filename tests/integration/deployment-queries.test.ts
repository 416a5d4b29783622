import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listDeployments } from '@/db/queries/deployments';
import { listDeploymentAuthors, listEnvironmentOptions } from '@/db/queries/filter-options';
import type { Project } from '@/db/schema';
import { decodeCursor } from '@/lib/paging';
import {
  at,
  createDeployments,
  createEnvironment,
  createProject,
  createPullRequest,
} from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
let project: Project;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await createProject(db);
  const production = await createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    name: 'Production',
    gitBranch: 'main',
  });
  const staging = await createEnvironment(db, project, {
    kind: 'staging',
    slug: 'staging',
    name: 'Staging',
    gitBranch: 'main',
  });
  const pr = await createPullRequest(db, project, { number: 42 });
  const preview = await createEnvironment(db, project, {
    slug: 'pr-42',
    name: 'PR #42',
    gitBranch: 'feature-search',
    pullRequestId: pr.id,
  });
  await createDeployments(db, production, [
    { providerCreatedAt: at(10), buildDurationMs: 90_000, commitAuthor: 'alice' },
    {
      providerCreatedAt: at(20),
      state: 'error',
      buildDurationMs: 30_000,
      commitAuthor: 'bob',
      errorMessage: 'Build failed',
    },
    { providerCreatedAt: at(30), source: 'rollback', buildDurationMs: null, commitAuthor: 'alice' },
  ]);
  await createDeployments(db, staging, [
    { providerCreatedAt: at(15), buildDurationMs: 120_000, commitAuthor: 'carol' },
    { providerCreatedAt: at(40), state: 'building', buildDurationMs: null, commitAuthor: 'bob' },
  ]);
  await createDeployments(db, preview, [
    {
      providerCreatedAt: at(25),
      buildDurationMs: 45_000,
      commitAuthor: 'dave',
      pullRequestId: pr.id,
    },
    // Same instant as the one above: the id breaks the tie.
    {
      providerCreatedAt: at(25),
      buildDurationMs: 45_000,
      commitAuthor: 'dave',
      pullRequestId: pr.id,
    },
  ]);
  // Another project, with an environment of the same slug, never leaks in.
  const other = await createProject(db);
  const otherProduction = await createEnvironment(db, other, {
    kind: 'production',
    slug: 'production',
  });
  await createDeployments(db, otherProduction, [
    { providerCreatedAt: at(50), commitAuthor: 'mallory' },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

const list = (filters: Parameters<typeof listDeployments>[2], limit = 50, cursor?: string | null) =>
  listDeployments(handle.db, project.id, filters, { limit, cursor: decodeCursor(cursor) });

describe('listDeployments', () => {
  test('lists the project newest first, with environment name, PR and build duration', async () => {
    const { rows } = await list({});
    expect(rows.map((row) => row.createdAt)).toEqual([
      at(40),
      at(30),
      at(25),
      at(25),
      at(20),
      at(15),
      at(10),
    ]);
    expect(rows.find((row) => row.environmentSlug === 'pr-42')).toMatchObject({
      environmentName: 'PR #42',
      pullRequestNumber: 42,
      buildDurationMs: 45_000,
      target: 'preview',
    });
  });

  test('filters by environment, target, state, branch and author', async () => {
    const authors = async (filters: Parameters<typeof listDeployments>[2]) =>
      (await list(filters)).rows.map((row) => row.commitAuthor);
    expect(await authors({ environment: 'production' })).toEqual(['alice', 'bob', 'alice']);
    expect(await authors({ target: 'staging' })).toEqual(['bob', 'carol']);
    expect(await authors({ state: 'error' })).toEqual(['bob']);
    expect(await authors({ branch: 'feature-search' })).toEqual(['dave', 'dave']);
    expect(await authors({ author: 'bob' })).toEqual(['bob', 'bob']);
    expect(await authors({ environment: 'production', author: 'bob' })).toEqual(['bob']);
    expect(await authors({ environment: 'nowhere' })).toEqual([]);
  });

  test('pages through equal timestamps without repeating or skipping a deployment', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({}, 2, cursor);
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  test('sorts slowest builds first, only builds that finished, and pages that order too', async () => {
    const { rows } = await list({ sort: 'slowest' });
    expect(rows.map((row) => row.buildDurationMs)).toEqual([
      120_000, 90_000, 45_000, 45_000, 30_000,
    ]);
    const first = await list({ sort: 'slowest' }, 3);
    const second = await list({ sort: 'slowest' }, 3, first.nextCursor);
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect(second.nextCursor).toBeNull();
  });
});

describe('filter options', () => {
  test('authors are the distinct commit authors of the project, sorted', async () => {
    expect(await listDeploymentAuthors(handle.db, project.id)).toEqual([
      'alice',
      'bob',
      'carol',
      'dave',
    ]);
  });

  test('environments come long-lived first, then previews', async () => {
    const options = await listEnvironmentOptions(handle.db, project.id);
    expect(options.map((option) => option.slug)).toEqual(['production', 'staging', 'pr-42']);
  });
});
