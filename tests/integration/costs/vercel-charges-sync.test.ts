import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { costSamples, type Environment, type Project, type SyncRun } from '@/db/schema';
import { vercelChargesJob } from '@/lib/costs/vercel-charges-job';
import { attemptSync } from '@/lib/sync/run-sync';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { startVercelSandbox, type VercelSandbox } from '@/sandbox/vercel';
import {
  createDeployments,
  createEnvironment,
  createProject,
  createPullRequest,
} from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

const token = 'vercel-costs-token';
const NOW = new Date('2026-03-20T12:00:00Z');

let handle: DatabaseHandle;
let sandbox: VercelSandbox;
let project: Project;
let production: Environment;
let preview: Environment;
let failuresLeft = 0;

async function sync(): Promise<SyncRun> {
  const vercel = createVercelClient(
    { baseUrl: sandbox.baseUrl, token, teamId: 'team_costs' },
    {
      retry: { maxRetries: 5 },
      sleep: async () => {
        failuresLeft--;
        if (failuresLeft <= 0) sandbox.faults.configure({ errorRate: 0 });
      },
    },
  );
  const job = vercelChargesJob({
    vercel,
    projectId: project.id,
    vercelProjectId: project.vercelProjectId,
  });
  const attempt = await attemptSync(handle.db, job, () => NOW);
  if (!attempt.ok) throw new Error(`the sync was refused: ${attempt.message}`);
  return attempt.run;
}

const stored = (day?: string) =>
  handle.db
    .select()
    .from(costSamples)
    .where(and(eq(costSamples.provider, 'vercel'), day ? eq(costSamples.day, day) : undefined))
    .orderBy(asc(costSamples.day), asc(costSamples.metric), asc(costSamples.environmentId));

function charge(day: string, service: string, billed: number | string, extra: object = {}) {
  sandbox.store.charges.push({
    BilledCost: billed,
    EffectiveCost: billed,
    ChargePeriodStart: `${day}T00:00:00.000Z`,
    ChargePeriodEnd: `${day}T23:59:59.999Z`,
    ServiceName: service,
    ConsumedQuantity: 100,
    ConsumedUnit: 'units',
    ...extra,
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startVercelSandbox({ token, webhookSecret: 'unused', seed: 11 });
  project = await createProject(handle.db, { vercelProjectId: 'prj_costs' });
  production = await createEnvironment(handle.db, project, {
    kind: 'production',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  preview = await createEnvironment(handle.db, project, {
    kind: 'preview',
    pullRequestId: (await createPullRequest(handle.db, project)).id,
    createdAt: new Date('2026-03-19T12:00:00Z'),
  });
  await createDeployments(handle.db, preview, [{ vercelId: 'dpl_preview' }]);

  // The 18th: only production was live, so the untagged usage is all its own.
  charge('2026-03-18', 'Fast Data Transfer', 0.3);
  // The 19th: production live all day, the preview for the last 12 hours.
  charge('2026-03-19', 'Function Invocations', '1.0001');
  charge('2026-03-19', 'Pro Seats', 0.6667, { ConsumedUnit: 'seats', ConsumedQuantity: 1 });
  charge('2026-03-19', 'Build Minutes', 0.28, { Tags: { DeploymentId: 'dpl_preview' } });
  charge('2026-03-19', 'Function Invocations', 5, { Tags: { ProjectId: 'prj_other' } });
});
afterAll(async () => {
  await sandbox.close();
  await handle.close();
});
beforeEach(() => sandbox.faults.reset());

describe("the 'vercel.charges' sync", () => {
  it('fills cost_samples by day and service, attributed to environments', async () => {
    const run = await sync();
    expect(run).toMatchObject({ kind: 'vercel.charges', status: 'succeeded', itemsSeen: 5 });
    const rows = await stored();
    expect(rows.map((row) => [row.day, row.metric, row.environmentId, row.amountUsd])).toEqual([
      ['2026-03-18', 'fast_data_transfer', production.id, 0.3],
      ['2026-03-19', 'build_minutes', preview.id, 0.28],
      // $1.0001 split 24 h : 12 h between production and the preview, to the 1/100 cent.
      ['2026-03-19', 'function_invocations', production.id, 0.6667],
      ['2026-03-19', 'function_invocations', preview.id, 0.3334],
      ['2026-03-19', 'pro_seats', null, 0.6667],
    ]);
    expect(rows.find((row) => row.environmentId === preview.id)?.pullRequestId).toBe(
      preview.pullRequestId,
    );
  });

  it('stores exactly what the project was billed each day, no cent lost or created', async () => {
    const total = (await stored('2026-03-19')).reduce(
      (sum, row) => sum + Math.round(row.amountUsd * 10_000),
      0,
    );
    expect(total).toBe(10_001 + 6_667 + 2_800);
  });

  it('changes nothing when run again over the same charges', async () => {
    const before = await stored();
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', itemsChanged: 0 });
    expect(await stored()).toEqual(before);
  });

  it('retries a burst of server errors', async () => {
    failuresLeft = 3;
    sandbox.faults.configure({ errorRate: 1, errorStatuses: [500, 502, 503] });
    const before = await stored();
    const run = await sync();
    expect(run).toMatchObject({ status: 'succeeded', apiCalls: 4, itemsChanged: 0 });
    expect(sandbox.faults.counts.serverErrors).toBe(3);
    expect(await stored()).toEqual(before);
  });
});
