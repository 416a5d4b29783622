import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { countStagingAhead, getCommitChecks, getReleaseComparison } from '@/db/queries/overview';
import type { Environment, Project } from '@/db/schema';
import { setCurrentDeployment, upsertCiRuns } from '@/db/writes';
import * as f from '../support/factories';
import { createTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
let project: Project;
let production: Environment;
let staging: Environment;

const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour));
const sha = (name: string) => name.padEnd(40, '0');

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  project = await f.createProject(db);
  production = await f.createEnvironment(db, project, {
    kind: 'production',
    slug: 'production',
    gitBranch: 'main',
  });
  staging = await f.createEnvironment(db, project, {
    kind: 'staging',
    slug: 'staging',
    gitBranch: 'main',
  });
  // Staging builds every merge: a, b, c (failed build), b again (redeploy), d, then a rollback
  // to a. Production was promoted from b.
  const built = await f.createDeployments(db, staging, [
    { commitSha: sha('a'), providerCreatedAt: at(1) },
    { commitSha: sha('b'), providerCreatedAt: at(2) },
    { commitSha: sha('c'), providerCreatedAt: at(3), state: 'error' },
    { commitSha: sha('b'), providerCreatedAt: at(4), source: 'redeploy' },
    { commitSha: sha('d'), providerCreatedAt: at(5), commitMessage: 'Add d' },
    { commitSha: sha('a'), providerCreatedAt: at(6), source: 'rollback' },
  ]);
  await setCurrentDeployment(db, staging.id, built[4]!.id, at(5));
  const promoted = await f.createDeployments(db, production, [
    { commitSha: sha('b'), providerCreatedAt: at(3), source: 'promote', commitMessage: 'Add b' },
  ]);
  await setCurrentDeployment(db, production.id, promoted[0]!.id, at(3));
});

afterAll(async () => {
  await handle?.close();
});

describe('countStagingAhead', () => {
  test('counts distinct commits deployed to staging after production’s commit first reached it', async () => {
    // c (even though its build failed) and d; not b's redeploy, not the rollback to a.
    expect(await countStagingAhead(handle.db, staging.id, sha('b'))).toBe(2);
  });

  test('is zero when staging serves production’s commit and nothing newer', async () => {
    expect(await countStagingAhead(handle.db, staging.id, sha('d'))).toBe(0);
  });

  test('is null when production’s commit never went through staging', async () => {
    expect(await countStagingAhead(handle.db, staging.id, sha('z'))).toBeNull();
  });
});

describe('getCommitChecks', () => {
  test('takes the newest CI run and the newest run of each suite on the commit', async () => {
    const { db } = handle;
    const base = {
      projectId: project.id,
      workflowName: 'CI',
      event: 'push',
      headBranch: 'main',
      headSha: sha('d'),
      status: 'completed' as const,
    };
    await upsertCiRuns(db, [
      {
        ...base,
        githubRunId: 1,
        conclusion: 'failure',
        providerCreatedAt: at(5),
        providerUpdatedAt: at(5),
      },
      {
        ...base,
        githubRunId: 2,
        conclusion: 'success',
        providerCreatedAt: at(6),
        providerUpdatedAt: at(6),
      },
      {
        ...base,
        githubRunId: 3,
        headSha: sha('e'),
        conclusion: 'failure',
        providerCreatedAt: at(7),
        providerUpdatedAt: at(7),
      },
    ]);
    await f.createTestRun(
      db,
      project,
      { suite: 'e2e', commitSha: sha('d'), startedAt: at(5) },
      f.makeCases(2, { 0: 'failed' }),
    );
    await f.createTestRun(
      db,
      project,
      { suite: 'e2e', commitSha: sha('d'), startedAt: at(6) },
      f.makeCases(2),
    );
    await f.createTestRun(
      db,
      project,
      { suite: 'unit', commitSha: sha('d'), startedAt: at(5) },
      f.makeCases(2, { 1: 'flaky' }),
    );

    const checks = await getCommitChecks(db, project.id, sha('d'));
    expect(checks.ci).toMatchObject({ conclusion: 'success', workflowName: 'CI' });
    expect(checks.tests.map((run) => [run.suite, run.status, run.flaky])).toEqual([
      ['unit', 'passed', 1],
      ['e2e', 'passed', 0],
    ]);
    expect(await getCommitChecks(db, project.id, sha('nothing'))).toEqual({ ci: null, tests: [] });
  });
});

describe('getReleaseComparison', () => {
  test('puts production beside staging with what each serves and how far staging is ahead', async () => {
    const comparison = await getReleaseComparison(handle.db, project.id);
    expect(comparison.production?.current).toMatchObject({
      commitSha: sha('b'),
      source: 'promote',
    });
    expect(comparison.staging?.current).toMatchObject({
      commitSha: sha('d'),
      commitMessage: 'Add d',
    });
    // Staging's newest deployment is the rollback, which is not what it serves.
    expect(comparison.staging?.latest).toMatchObject({ commitSha: sha('a') });
    expect(comparison.stagingAhead).toBe(2);
  });

  test('has neither side for a project without environments', async () => {
    const empty = await f.createProject(handle.db);
    expect(await getReleaseComparison(handle.db, empty.id)).toEqual({
      production: null,
      staging: null,
      stagingAhead: null,
    });
  });
});
