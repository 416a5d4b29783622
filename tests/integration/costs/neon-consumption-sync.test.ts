import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { costSamples, type Environment, type Project } from '@/db/schema';
import { upsertDbBranch } from '@/db/writes';
import { neonConsumptionJob } from '@/lib/costs/neon-consumption-job';
import { attemptSync } from '@/lib/sync/run-sync';
import { createNeonClient } from '@/lib/providers/neon/client';
import type { SyncRun } from '@/db/schema';
import { startNeonSandbox, type NeonSandbox } from '@/sandbox/neon';
import { createEnvironment, createProject, createPullRequest } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

const apiKey = 'neon-costs-key';
const neonProjectId = 'envboard-costs';
const NOW = new Date('2026-03-20T12:00:00Z');

let handle: DatabaseHandle;
let sandbox: NeonSandbox;
let project: Project;
let production: Environment;
let preview: Environment;
/** Server errors still to answer; the client's sleep between retries counts them down. */
let failuresLeft = 0;

const client = (fetchImpl: typeof fetch = fetch) =>
  createNeonClient(
    { baseUrl: sandbox.apiUrl, apiKey, projectId: neonProjectId, orgId: 'org-costs' },
    {
      fetch: fetchImpl,
      retry: { maxRetries: 5 },
      sleep: async () => {
        failuresLeft--;
        if (failuresLeft <= 0) sandbox.faults.configure({ errorRate: 0 });
      },
    },
  );

async function sync(fetchImpl?: typeof fetch): Promise<SyncRun> {
  const job = neonConsumptionJob({
    neon: client(fetchImpl),
    projectId: project.id,
    plan: 'launch',
  });
  const attempt = await attemptSync(handle.db, job, () => NOW);
  if (!attempt.ok) throw new Error(`the sync was refused: ${attempt.message}`);
  return attempt.run;
}

const stored = () =>
  handle.db
    .select()
    .from(costSamples)
    .where(eq(costSamples.provider, 'neon'))
    .orderBy(asc(costSamples.day), asc(costSamples.metric), asc(costSamples.environmentId));

function figure(day: string, metric: string, value: number, branchId: string | null = null) {
  sandbox.consumption.push({
    projectId: neonProjectId,
    branchId,
    timeframeStart: `${day}T00:00:00Z`,
    timeframeEnd: `${day}T23:59:59Z`,
    metric,
    value,
  });
}

async function branch(neonBranchId: string) {
  return (await upsertDbBranch(handle.db, {
    projectId: project.id,
    neonBranchId,
    name: neonBranchId,
    state: 'ready',
    providerCreatedAt: new Date('2026-01-01T00:00:00Z'),
    providerUpdatedAt: new Date('2026-01-01T00:00:00Z'),
  }))!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startNeonSandbox({ apiKey, projectId: neonProjectId, seed: 5 });
  project = await createProject(handle.db, { neonProjectId });
  const pullRequest = await createPullRequest(handle.db, project);
  production = await createEnvironment(handle.db, project, {
    kind: 'production',
    dbBranchId: (await branch('br-main')).id,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  preview = await createEnvironment(handle.db, project, {
    kind: 'preview',
    pullRequestId: pullRequest.id,
    dbBranchId: (await branch('br-preview')).id,
    createdAt: new Date('2026-03-18T00:00:00Z'),
  });
  // Two days of figures: 10 CU-hours a day for the project, of which the preview's branch used
  // 2 and production's 7; a child-branch storage figure only the preview has; extra branches.
  for (const day of ['2026-03-18', '2026-03-19']) {
    figure(day, 'compute_unit_seconds', 36_000);
    figure(day, 'compute_unit_seconds', 7_200, 'br-preview');
    figure(day, 'compute_unit_seconds', 25_200, 'br-main');
    figure(day, 'child_branch_bytes_month', 744e9);
    figure(day, 'child_branch_bytes_month', 744e9, 'br-preview');
    figure(day, 'extra_branches_month', 744);
  }
});
afterAll(async () => {
  await sandbox.close();
  await handle.close();
});
beforeEach(() => sandbox.faults.reset());

describe("the 'neon.consumption' sync", () => {
  it('fills cost_samples per day, a preview’s branch landing on the preview', async () => {
    const run = await sync();
    expect(run).toMatchObject({
      kind: 'neon.consumption',
      status: 'succeeded',
      cursor: '2026-03-19',
    });
    const rows = await stored();
    const day = rows.filter((row) => row.day === '2026-03-18');
    expect(
      day.map((row) => [row.metric, row.environmentId, row.quantity, row.amountUsd, row.unit]),
    ).toEqual([
      // 1 GB-month of child storage at $0.35, all the preview's.
      ['child_branch_storage', preview.id, 1, 0.35, 'GB-month'],
      // 10 CU-hours at $0.106: 7 production, 2 preview, 1 on no environment's branch.
      ['compute_hours', production.id, 7, 0.742, 'CU-hour'],
      ['compute_hours', preview.id, 2, 0.212, 'CU-hour'],
      ['compute_hours', null, 1, 0.106, 'CU-hour'],
      ['extra_branches', null, 1, 1.5, 'branch-month'],
    ]);
    expect(day.find((row) => row.environmentId === preview.id)?.pullRequestId).toBe(
      preview.pullRequestId,
    );
    expect(new Set(rows.map((row) => row.day))).toEqual(new Set(['2026-03-18', '2026-03-19']));
  });

  it('changes nothing when run again over the same figures', async () => {
    const before = await stored();
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', itemsChanged: 0 });
    expect(await stored()).toEqual(before);
  });

  it('replaces revised days instead of adding to them', async () => {
    // Neon revises the 19th: the preview's branch used 3 CU-hours, the project 11, and the
    // figure for production's branch is withdrawn.
    const withdrawn = sandbox.consumption.findIndex(
      (row) =>
        row.timeframeStart.startsWith('2026-03-19') &&
        row.metric === 'compute_unit_seconds' &&
        row.branchId === 'br-main',
    );
    sandbox.consumption.splice(withdrawn, 1);
    for (const row of sandbox.consumption) {
      if (row.timeframeStart.startsWith('2026-03-19') && row.metric === 'compute_unit_seconds') {
        if (row.branchId === null) row.value = 39_600;
        if (row.branchId === 'br-preview') row.value = 10_800;
      }
    }
    const run = await sync();
    // The preview's row and the shared row updated, production's deleted.
    expect(run.itemsChanged).toBe(3);
    const compute = (await stored()).filter(
      (row) => row.day === '2026-03-19' && row.metric === 'compute_hours',
    );
    expect(compute.map((row) => [row.environmentId, row.quantity])).toEqual([
      [preview.id, 3],
      [null, 8],
    ]);
    expect(compute.reduce((sum, row) => sum + row.amountUsd, 0)).toBeCloseTo(11 * 0.106, 4);
  });

  it('retries a burst of server errors and still records the day', async () => {
    failuresLeft = 2;
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [500, 502, 503] });
    const run = await sync();
    expect(run.status).toBe('succeeded');
    // The two listings run side by side, so both may meet the burst before it ends.
    expect(sandbox.faults.counts.serverErrors).toBeGreaterThanOrEqual(2);
    expect(run.apiCalls).toBe(2 + sandbox.faults.counts.serverErrors);
  });

  it('records a failed run, keeping the cursor, when the errors do not stop', async () => {
    failuresLeft = 100;
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [503] });
    const before = await stored();
    const run = await sync();
    expect(run.status).toBe('failed');
    expect(run.errors[0]).toMatch(/neon getConsumptionHistory failed: HTTP 503/);
    expect(run.cursor).toBe('2026-03-19');
    expect(await stored()).toEqual(before);
  });

  it('keeps Neon costs shared, saying why, when the per-branch figures are refused', async () => {
    // An account without the per-branch (beta) endpoint: Neon answers it with 403.
    const withoutBranches: typeof fetch = (input, init) =>
      String(input).includes('/consumption_history/v2/branches')
        ? Promise.resolve(
            Response.json(
              { code: 'FORBIDDEN', message: 'not available on this plan' },
              { status: 403 },
            ),
          )
        : fetch(input, init);
    const run = await sync(withoutBranches);
    expect(run.status).toBe('succeeded');
    expect(run.errors).toEqual([
      'neon getConsumptionHistory failed: HTTP 403 FORBIDDEN: not available on this plan; Neon costs kept shared, not per environment',
    ]);
    const compute = (await stored()).filter(
      (row) => row.day === '2026-03-19' && row.metric === 'compute_hours',
    );
    expect(compute.map((row) => [row.environmentId, row.quantity])).toEqual([[null, 11]]);
  });

  it('keeps the other days when Neon sends a day without metrics or a frame without its times', async () => {
    const dayOf = async (day: string) =>
      (await stored())
        .filter((row) => row.day === day)
        .map((row) => [row.metric, row.environmentId, row.quantity]);
    expect((await sync()).status).toBe('succeeded');
    const before = await dayOf('2026-03-19');
    // Neon's document makes `metrics`, `timeframe_start` and `timeframe_end` optional.
    const thinned: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/consumption_history/v2/projects')) return response;
      const body = (await response.json()) as {
        projects: { periods: { consumption: Record<string, unknown>[] }[] }[];
      };
      const frames = body.projects[0]!.periods[0]!.consumption;
      delete frames.find((frame) => frame.timeframe_start === '2026-03-18T00:00:00Z')!.metrics;
      frames.push({ metrics: [{ metric_name: 'compute_unit_seconds', value: 60 }] });
      return Response.json(body);
    };
    const run = await sync(thinned);
    expect(run.status).toBe('succeeded');
    expect(run.errors).toEqual([
      `Neon sent 1 consumption figure(s) for project ${neonProjectId} without a timeframe_start; they were skipped`,
    ]);
    expect(await dayOf('2026-03-19')).toEqual(before);
  });
});
