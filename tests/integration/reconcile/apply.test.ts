import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { ciRuns, deployments, environments, type Project, pullRequests } from '@/db/schema';
import { upsertDbBranch, upsertEnvironment } from '@/db/writes';
import type { PullRequest, WorkflowRun } from '@/lib/providers/github/types';
import {
  applyPullRequest,
  applyPush,
  applyVercelDeployment,
  applyWorkflowJob,
  applyWorkflowRun,
  fromVercelSummary,
  type VercelDeploymentChange,
} from '@/lib/reconcile';
import { at, createEnvironment, createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

const db = () => handle.db;

function pr(number: number, overrides: Partial<PullRequest> = {}): PullRequest {
  return {
    number,
    title: `Change ${number}`,
    state: 'open',
    draft: false,
    merged: false,
    author: 'alice',
    headSha: 'a'.repeat(40),
    headRef: `feature-${number}`,
    baseRef: 'main',
    fromFork: false,
    htmlUrl: `https://github.com/acme/app/pull/${number}`,
    createdAt: at(0),
    updatedAt: at(0),
    closedAt: null,
    mergedAt: null,
    ...overrides,
  };
}

const previewOf = async (projectId: number, number: number) =>
  (await db().select().from(environments).where(eq(environments.projectId, projectId))).find(
    (environment) => environment.slug === `pr-${number}`,
  );

describe('applyPullRequest', () => {
  let project: Project;
  beforeAll(async () => {
    project = await createProject(db(), { previewTtlDays: 3 });
  });

  test('an open pull request is stored with its preview environment row', async () => {
    expect(await applyPullRequest(db(), project, pr(1))).toEqual({ changed: true });
    const [row] = await db().select().from(pullRequests).where(eq(pullRequests.number, 1));
    expect(row).toMatchObject({ state: 'open', headBranch: 'feature-1', author: 'alice' });
    const preview = await previewOf(project.id, 1);
    expect(preview).toMatchObject({
      kind: 'preview',
      name: 'PR #1',
      gitBranch: 'feature-1',
      pullRequestId: row!.id,
      status: 'active',
      dbBranchId: null,
      expiresAt: new Date(at(0).getTime() + 3 * 86_400_000),
    });
  });

  test('the same copy again changes nothing', async () => {
    expect(await applyPullRequest(db(), project, pr(1))).toEqual({ changed: false });
  });

  test('a merge marks the pull request merged; an older copy arriving later does not reopen it', async () => {
    const merged = pr(1, {
      state: 'closed',
      merged: true,
      mergedAt: at(30),
      closedAt: at(30),
      updatedAt: at(30),
    });
    expect(await applyPullRequest(db(), project, merged)).toEqual({ changed: true });
    expect(await applyPullRequest(db(), project, pr(1, { updatedAt: at(10) }))).toEqual({
      changed: false,
    });
    const [row] = await db().select().from(pullRequests).where(eq(pullRequests.number, 1));
    expect(row).toMatchObject({ state: 'merged', mergedAt: at(30) });
  });

  test('activity on an open pull request pushes its preview expiry out; a closed one gets no preview', async () => {
    await applyPullRequest(db(), project, pr(2));
    await applyPullRequest(db(), project, pr(2, { title: 'Renamed', updatedAt: at(60) }));
    const preview = await previewOf(project.id, 2);
    expect(preview?.lastActivityAt).toEqual(at(60));
    expect(preview?.expiresAt).toEqual(new Date(at(60).getTime() + 3 * 86_400_000));

    await applyPullRequest(db(), project, pr(3, { state: 'closed', closedAt: at(5) }));
    expect(await previewOf(project.id, 3)).toBeUndefined();
  });

  test('reopening a pull request whose preview was cleaned up brings the preview back', async () => {
    await applyPullRequest(db(), project, pr(4));
    const { id: _id, createdAt: _c, updatedAt: _u, ...preview } = (await previewOf(project.id, 4))!;
    const branch = await upsertDbBranch(db(), {
      projectId: project.id,
      neonBranchId: 'br-preview-4',
      name: 'preview/feature-4',
      state: 'deleted',
      providerCreatedAt: at(1),
      providerUpdatedAt: at(10),
    });
    // What cleanup leaves: the preview deleted, still naming the branch it removed.
    await upsertEnvironment(db(), {
      ...preview,
      dbBranchId: branch!.id,
      status: 'deleted',
      deletedAt: at(10),
    });
    await applyPullRequest(
      db(),
      project,
      pr(4, { state: 'closed', closedAt: at(9), updatedAt: at(9) }),
    );
    expect(await applyPullRequest(db(), project, pr(4, { updatedAt: at(20) }))).toEqual({
      changed: true,
    });
    expect(await previewOf(project.id, 4)).toMatchObject({
      status: 'active',
      deletedAt: null,
      dbBranchId: null,
      lastActivityAt: at(20),
    });
  });
});

function run(overrides: Partial<WorkflowRun> = {}): WorkflowRun {
  return {
    id: 9001,
    name: 'CI',
    workflowId: 7,
    headSha: 'b'.repeat(40),
    headBranch: 'feature-10',
    event: 'pull_request',
    status: 'queued',
    conclusion: null,
    runNumber: 1,
    runAttempt: 1,
    pullRequestNumbers: [],
    headRepository: 'acme/app',
    htmlUrl: 'https://github.com/acme/app/actions/runs/9001',
    createdAt: at(0),
    updatedAt: at(0),
    runStartedAt: null,
    ...overrides,
  };
}

describe('an apply called inside a transaction', () => {
  test('joins it: rolled back together', async () => {
    const project = await createProject(db());
    const failed = db().transaction(async (tx) => {
      await applyPullRequest(tx as unknown as typeof handle.db, project, pr(40));
      throw new Error('the caller gives up');
    });
    await expect(failed).rejects.toThrow('the caller gives up');
    const stored = await db()
      .select()
      .from(pullRequests)
      .where(eq(pullRequests.projectId, project.id));
    expect(stored).toEqual([]);
    expect(await previewOf(project.id, 40)).toBeUndefined();
  });
});

describe('applyWorkflowRun', () => {
  test('stores queue time and duration from the jobs and links the pull request by branch', async () => {
    const project = await createProject(db());
    await applyPullRequest(db(), project, pr(10, { headSha: 'c'.repeat(40) }));
    expect(await applyWorkflowRun(db(), project, run())).toEqual({ changed: true });
    const completed = run({
      status: 'completed',
      conclusion: 'success',
      updatedAt: at(12),
      runStartedAt: at(0),
    });
    const jobs = [
      { id: 1, runId: 9001, name: 'unit', status: 'completed', conclusion: 'success' },
      { id: 2, runId: 9001, name: 'e2e', status: 'completed', conclusion: 'success' },
    ].map((job, index) => ({
      ...job,
      createdAt: at(0),
      startedAt: at(2 + index),
      completedAt: at(10 + index),
    }));
    expect(await applyWorkflowRun(db(), project, completed, jobs)).toEqual({ changed: true });
    const [row] = await db().select().from(ciRuns).where(eq(ciRuns.githubRunId, 9001));
    expect(row).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      startedAt: at(2),
      completedAt: at(11),
      queueMs: 2 * 60_000,
      durationMs: 9 * 60_000,
    });
    expect(row?.pullRequestId).not.toBeNull();

    // The queued copy arriving last leaves the completed run alone.
    expect(await applyWorkflowRun(db(), project, run())).toEqual({ changed: false });
    const [after] = await db().select().from(ciRuns).where(eq(ciRuns.githubRunId, 9001));
    expect(after?.status).toBe('completed');
  });

  test('links the pull request GitHub names, else the one at its commit, else on its branch', async () => {
    const project = await createProject(db());
    await applyPullRequest(db(), project, pr(30, { headSha: 'd'.repeat(40) }));
    await applyPullRequest(db(), project, pr(31, { headSha: 'e'.repeat(40) }));
    await applyPullRequest(db(), project, pr(32, { headSha: 'f'.repeat(40) }));
    const ids = new Map(
      (await db().select().from(pullRequests).where(eq(pullRequests.projectId, project.id))).map(
        (row) => [row.number, row.id],
      ),
    );
    const linked = async (id: number, overrides: Partial<WorkflowRun>) => {
      await applyWorkflowRun(db(), project, run({ id, ...overrides }));
      const [row] = await db().select().from(ciRuns).where(eq(ciRuns.githubRunId, id));
      return row?.pullRequestId;
    };
    const onBoth = { headSha: 'e'.repeat(40), headBranch: 'feature-32' };
    expect(await linked(9101, { ...onBoth, pullRequestNumbers: [30] })).toBe(ids.get(30));
    expect(await linked(9102, onBoth)).toBe(ids.get(31));
    expect(await linked(9103, { headSha: '0'.repeat(40), headBranch: 'feature-32' })).toBe(
      ids.get(32),
    );
    expect(await linked(9104, { headSha: '0'.repeat(40), headBranch: 'elsewhere' })).toBeNull();
  });

  test('a job event sets the start of a run that had none; unknown runs are ignored', async () => {
    const project = await createProject(db());
    await applyWorkflowRun(db(), project, run({ id: 9002 }));
    const job = {
      id: 5,
      runId: 9002,
      name: 'unit',
      status: 'in_progress',
      conclusion: null,
      createdAt: at(0),
      startedAt: at(4),
      completedAt: null,
    };
    expect(await applyWorkflowJob(db(), project, job)).toEqual({ changed: true });
    const [row] = await db().select().from(ciRuns).where(eq(ciRuns.githubRunId, 9002));
    expect(row).toMatchObject({ startedAt: at(4), queueMs: 4 * 60_000 });
    expect(await applyWorkflowJob(db(), project, { ...job, runId: 1 })).toMatchObject({
      changed: false,
      ignored: expect.stringContaining('not stored yet'),
    });
  });
});

function deployment(overrides: Partial<VercelDeploymentChange> = {}): VercelDeploymentChange {
  return {
    id: 'dpl_1',
    url: 'app-1.vercel.app',
    target: null,
    state: 'building',
    meta: { githubCommitRef: 'feature-20', githubCommitSha: 'd'.repeat(40) },
    createdAt: at(0),
    observedAt: at(0),
    ...overrides,
  };
}

describe('applyVercelDeployment', () => {
  test('a preview build lands in the preview for its branch and is served once ready', async () => {
    const project = await createProject(db());
    await applyPullRequest(db(), project, pr(20));
    expect(await applyVercelDeployment(db(), project, deployment())).toEqual({ changed: true });
    const ready = deployment({ state: 'ready', observedAt: at(3) });
    expect(await applyVercelDeployment(db(), project, ready)).toEqual({ changed: true });
    // The build's creation event arriving late changes nothing.
    expect(await applyVercelDeployment(db(), project, deployment({ state: 'queued' }))).toEqual({
      changed: false,
    });
    const [row] = await db().select().from(deployments).where(eq(deployments.vercelId, 'dpl_1'));
    expect(row).toMatchObject({
      state: 'ready',
      target: 'preview',
      url: 'https://app-1.vercel.app',
      gitBranch: 'feature-20',
      readyAt: at(3),
      buildDurationMs: 3 * 60_000,
    });
    const preview = await previewOf(project.id, 20);
    expect(preview?.currentDeploymentId).toBe(row!.id);
    expect(row?.pullRequestId).toBe(preview?.pullRequestId);
  });

  test('a build for a branch nothing tracks is ignored with the reason', async () => {
    const project = await createProject(db());
    const result = await applyVercelDeployment(
      db(),
      project,
      deployment({ id: 'dpl_x', meta: { githubCommitRef: 'nowhere' } }),
    );
    expect(result).toMatchObject({ changed: false, ignored: expect.stringContaining('nowhere') });
  });

  test('promote and rollback move production; an older promotion arriving late does not', async () => {
    const project = await createProject(db());
    const production = await createEnvironment(db(), project, { kind: 'production' });
    await createEnvironment(db(), project, { kind: 'staging', slug: 'staging', gitBranch: 'main' });
    const staged = (id: string, minute: number) =>
      deployment({
        id,
        target: 'staging',
        state: 'ready',
        createdAt: at(minute),
        observedAt: at(minute + 2),
      });
    await applyVercelDeployment(db(), project, staged('dpl_a', 0));
    await applyVercelDeployment(db(), project, staged('dpl_b', 10));
    const served = async () =>
      (await db().select().from(environments).where(eq(environments.id, production.id)))[0]!
        .currentDeploymentId;
    const idOf = async (vercelId: string) =>
      (await db().select().from(deployments).where(eq(deployments.vercelId, vercelId)))[0]!.id;

    const promote = (id: string, minute: number, servedBy: 'promote' | 'rollback' = 'promote') =>
      applyVercelDeployment(db(), project, {
        ...staged(id, 0),
        state: undefined,
        observedAt: at(minute),
        servedBy,
      });
    expect(await promote('dpl_a', 20)).toEqual({ changed: true });
    expect(await served()).toBe(await idOf('dpl_a'));
    await promote('dpl_b', 40);
    expect(await served()).toBe(await idOf('dpl_b'));
    expect(await promote('dpl_a', 30)).toMatchObject({ changed: false });
    expect(await served()).toBe(await idOf('dpl_b'));
    await promote('dpl_a', 50, 'rollback');
    expect(await served()).toBe(await idOf('dpl_a'));
  });

  test('a REST list item converts with its state and times', () => {
    expect(
      fromVercelSummary({
        uid: 'dpl_z',
        name: 'app',
        url: 'app-z.vercel.app',
        created: at(0).getTime(),
        readyState: 'READY',
        ready: at(2).getTime(),
        target: 'production',
        meta: { githubCommitRef: 'main' },
      }),
    ).toEqual({
      id: 'dpl_z',
      url: 'app-z.vercel.app',
      target: 'production',
      state: 'ready',
      meta: { githubCommitRef: 'main' },
      createdAt: at(0),
      readyAt: at(2),
      observedAt: at(2),
    });
  });
});

describe('applyPush', () => {
  test('a push is activity for the environments building its branch, not for production', async () => {
    const project = await createProject(db());
    const staging = await createEnvironment(db(), project, {
      kind: 'staging',
      gitBranch: 'main',
      lastActivityAt: at(0),
    });
    const production = await createEnvironment(db(), project, {
      kind: 'production',
      gitBranch: 'main',
      lastActivityAt: at(0),
    });
    const push = { branch: 'main', headSha: 'e'.repeat(40), pushedAt: at(9), deleted: false };
    expect(await applyPush(db(), project, push)).toEqual({ changed: true });
    const rows = await db()
      .select()
      .from(environments)
      .where(eq(environments.projectId, project.id));
    expect(rows.find((row) => row.id === staging.id)?.lastActivityAt).toEqual(at(9));
    expect(rows.find((row) => row.id === production.id)?.lastActivityAt).toEqual(at(0));
    expect(await applyPush(db(), project, { ...push, pushedAt: at(5) })).toEqual({
      changed: false,
    });
    expect(await applyPush(db(), project, { ...push, branch: 'other' })).toMatchObject({
      ignored: expect.stringContaining('other'),
    });
  });
});
