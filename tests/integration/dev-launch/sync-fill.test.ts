import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  ciRuns,
  costSamples,
  dbBranches,
  deployments,
  environments,
  pullRequests,
  type SyncRun,
} from '@/db/schema';
import { type DemoSandboxes, startDemoSandboxes } from '@/sandbox/demo/start';
import { demoPartsWithoutProvider, fillDemoDatabase } from '@/scripts/demo-database';
import { createTestDatabase } from '../../support/test-database';

/** A fixed demo clock; the emulators and the syncs run on from it. */
const NOW = new Date('2026-03-18T14:35:00Z');
// Writing the demo's history (~130k rows) and syncing the rest takes a while on two loaded cores.
const FILLING = 240_000;

let handle: DatabaseHandle;
let sandboxes: DemoSandboxes;
let runs: SyncRun[];

beforeAll(async () => {
  handle = await createTestDatabase();
  sandboxes = await startDemoSandboxes({
    now: NOW,
    ports: { github: 0, vercel: 0, neon: 0 },
    neonOperationMs: 5,
  });
  const started = Date.now();
  const clock = () => new Date(NOW.getTime() + (Date.now() - started));
  runs = await fillDemoDatabase(handle.db, sandboxes.history, { env: sandboxes.env, now: clock });
}, FILLING);

afterAll(async () => {
  await sandboxes?.close();
  await handle?.close();
});

const sorted = <T>(rows: T[], key: (row: T) => string | number) =>
  [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));

describe('a fresh database filled through the real syncs against the demo sandboxes', () => {
  it('ran every sync without an error', () => {
    expect(runs.map((run) => run.kind).sort()).toEqual([
      'github.pull_requests',
      'github.team_roles',
      'github.workflow_runs',
      'neon.branches',
      'neon.consumption',
      'vercel.charges',
      'vercel.deployments',
    ]);
    for (const run of runs) {
      expect({ kind: run.kind, status: run.status, errors: run.errors }).toEqual({
        kind: run.kind,
        status: 'succeeded',
        errors: [],
      });
      // Each one brought something the seed did not write; the team sync agrees with the seed.
      if (run.kind !== 'github.team_roles') expect(run.itemsChanged, run.kind).toBeGreaterThan(0);
    }
  });

  it('read the release team from the sandbox and left the release managers as the seed wrote them', () => {
    const teamRun = runs.find((run) => run.kind === 'github.team_roles')!;
    expect({ seen: teamRun.itemsSeen, changed: teamRun.itemsChanged }).toEqual({
      seen: 2,
      changed: 0,
    });
    expect(teamRun.apiCalls).toBeGreaterThan(0);
  });

  it('synced the pull requests the seed would write, not only seeded them', async () => {
    const { history } = sandboxes;
    const seeded = demoPartsWithoutProvider(history, NOW).pullRequests;
    expect(seeded.length).toBeLessThan(history.pullRequests.length);
    const stored = await handle.db.select().from(pullRequests);
    const pick = (pr: (typeof stored)[number] | (typeof history.pullRequests)[number]) => ({
      number: pr.number,
      title: pr.title,
      author: pr.author,
      headBranch: pr.headBranch,
      headSha: pr.headSha,
      state: pr.state,
      draft: pr.draft ?? false,
    });
    const byNumber = (pr: { number: number }) => pr.number;
    expect(sorted(stored, byNumber).map(pick)).toEqual(
      sorted(history.pullRequests, byNumber).map(pick),
    );
  });

  it('holds the demo deployments in their environments, production serving the same one', async () => {
    const { history } = sandboxes;
    const stored = await handle.db
      .select({
        vercelId: deployments.vercelId,
        environmentSlug: environments.slug,
        target: deployments.target,
        state: deployments.state,
        commitSha: deployments.commitSha,
        gitBranch: deployments.gitBranch,
        readyAt: deployments.readyAt,
      })
      .from(deployments)
      .innerJoin(environments, eq(environments.id, deployments.environmentId));
    const expected = history.deployments.map((row) => ({
      vercelId: row.vercelId,
      environmentSlug: row.environmentSlug,
      target: row.target,
      state: row.state,
      commitSha: row.commitSha,
      gitBranch: row.gitBranch,
      // Build times come through the sync too (Vercel's `ready`), not only the states.
      readyAt: row.readyAt ?? null,
    }));
    const byId = (row: { vercelId: string }) => row.vercelId;
    expect(sorted(stored, byId)).toEqual(sorted(expected, byId));

    const serving = await handle.db
      .select({ slug: environments.slug, vercelId: deployments.vercelId })
      .from(environments)
      .innerJoin(deployments, eq(deployments.id, environments.currentDeploymentId));
    const servedBy = new Map(serving.map((row) => [row.slug, row.vercelId]));
    for (const env of history.environments) {
      expect(servedBy.get(env.slug), env.slug).toBe(env.currentVercelId);
    }
  });

  it('holds every demo CI run with its outcome and pull request', async () => {
    const { history } = sandboxes;
    const stored = await handle.db
      .select({
        githubRunId: ciRuns.githubRunId,
        headSha: ciRuns.headSha,
        headBranch: ciRuns.headBranch,
        status: ciRuns.status,
        conclusion: ciRuns.conclusion,
        pullRequestNumber: pullRequests.number,
      })
      .from(ciRuns)
      .leftJoin(pullRequests, eq(pullRequests.id, ciRuns.pullRequestId));
    const expected = history.ciRuns.map((run) => ({
      githubRunId: run.githubRunId,
      headSha: run.headSha,
      headBranch: run.headBranch,
      status: run.status,
      conclusion: run.conclusion,
      pullRequestNumber: run.pullRequestNumber ?? null,
    }));
    const byId = (row: { githubRunId: number }) => row.githubRunId;
    expect(sorted(stored, byId)).toEqual(sorted(expected, byId));
  });

  it('holds the demo Neon branches: the live ones from Neon, the deleted ones seeded', async () => {
    const { history } = sandboxes;
    const stored = await handle.db
      .select({
        neonBranchId: dbBranches.neonBranchId,
        name: dbBranches.name,
        parentNeonBranchId: dbBranches.parentNeonBranchId,
        state: dbBranches.state,
      })
      .from(dbBranches);
    const expected = history.dbBranches.map((branch) => ({
      neonBranchId: branch.neonBranchId,
      name: branch.name,
      parentNeonBranchId: branch.parentNeonBranchId ?? null,
      state: branch.state,
    }));
    const byId = (row: { neonBranchId: string }) => row.neonBranchId;
    expect(sorted(stored, byId)).toEqual(sorted(expected, byId));
  });

  it('priced the synced cost window from the providers and kept the earlier days', async () => {
    const { history } = sandboxes;
    const { costsFrom } = demoPartsWithoutProvider(history, NOW);
    const stored = await handle.db.select().from(costSamples);
    const synced = stored.filter((row) => row.source !== 'demo');
    expect(synced.length).toBeGreaterThan(0);
    expect(synced.every((row) => row.day >= costsFrom)).toBe(true);
    const total = (rows: { amountUsd: number | string }[]) =>
      rows.reduce((sum, row) => sum + Number(row.amountUsd), 0);
    const demoWindow = history.costSamples.filter(
      (sample) => sample.provider !== 'monitoring' && sample.day >= costsFrom,
    );
    // The same usage at the same list prices: the board's total matches the demo's within cents.
    expect(total(synced)).toBeCloseTo(total(demoWindow), 0);
  });
});
