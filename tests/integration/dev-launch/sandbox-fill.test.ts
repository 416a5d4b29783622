import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '@/lib/providers/github/client';
import {
  githubConfigFromEnv,
  neonConfigFromEnv,
  vercelConfigFromEnv,
} from '@/lib/settings/provider-settings';
import { createNeonClient } from '@/lib/providers/neon/client';
import { createVercelClient } from '@/lib/providers/vercel/client';
import { type DemoSandboxes, startDemoSandboxes } from '@/sandbox/demo/start';

/** A fixed clock: the sandbox and the seed agree on the history for the same `now`. */
const NOW = new Date('2026-03-18T14:35:00Z');
const FREE_PORTS = { github: 0, vercel: 0, neon: 0 };

let sandboxes: DemoSandboxes;
beforeAll(async () => {
  sandboxes = await startDemoSandboxes({ now: NOW, ports: FREE_PORTS, neonOperationMs: 5 });
});
afterAll(() => sandboxes.close());

function clients() {
  return {
    github: createGitHubClient(githubConfigFromEnv(sandboxes.env)),
    vercel: createVercelClient(vercelConfigFromEnv(sandboxes.env)),
    neon: createNeonClient(neonConfigFromEnv(sandboxes.env)),
  };
}

describe('the sandboxes filled from the demo history', () => {
  it('hold every pull request of the demo, open and closed, with its head', async () => {
    const { history } = sandboxes;
    const listed = await clients().github.listPullRequests({ state: 'all' });
    expect(listed).toHaveLength(history.pullRequests.length);
    const byNumber = new Map(listed.map((pr) => [pr.number, pr]));
    for (const pr of history.pullRequests) {
      const found = byNumber.get(pr.number);
      expect(found, `#${pr.number}`).toBeDefined();
      expect(found!.headSha).toBe(pr.headSha);
      expect(found!.headRef).toBe(pr.headBranch);
      expect(found!.state).toBe(pr.state === 'open' ? 'open' : 'closed');
      expect(found!.merged).toBe(pr.state === 'merged');
    }
    const open = await clients().github.listPullRequests({ state: 'open' });
    expect(open.map((pr) => pr.number).sort()).toEqual(
      history.pullRequests
        .filter((pr) => pr.state === 'open')
        .map((pr) => pr.number)
        .sort(),
    );
  });

  it('hold every CI run under its demo id, with a job per suite it ran', async () => {
    const { history } = sandboxes;
    const github = clients().github;
    const runs = await github.listWorkflowRuns({ since: new Date(0) });
    expect(runs.map((run) => run.id).sort()).toEqual(
      history.ciRuns.map((run) => run.githubRunId).sort(),
    );
    const last = history.ciRuns.at(-1)!;
    const jobs = await github.listWorkflowJobs(last.githubRunId);
    const reported = history.testRuns.filter((t) => t.run.githubRunId === last.githubRunId);
    expect(jobs.map((job) => job.name).sort()).toEqual(reported.map((t) => t.run.suite).sort());
  });

  it('serve the production deployment the demo says, among all of its deployments', async () => {
    const { history } = sandboxes;
    const vercel = clients().vercel;
    const projectId = history.project.vercelProjectId!;
    const { deployments: listed } = await vercel.listDeployments({ projectId, pageSize: 100 });
    expect(listed.map((d) => d.uid).sort()).toEqual(
      history.deployments.map((d) => d.vercelId).sort(),
    );
    const production = history.environments.find((env) => env.kind === 'production')!;
    const project = await vercel.getProject(projectId);
    expect(project.targets?.production?.id).toBe(production.currentVercelId);
    const staging = history.environments.find((env) => env.kind === 'staging')!;
    const stagingBuild = listed.find((d) => d.uid === staging.currentVercelId)!;
    expect(stagingBuild.target).toBe('staging');
    expect(stagingBuild.readyState).toBe('READY');
  });

  it('hold main, staging, development and a preview branch per open pull request', async () => {
    const { history } = sandboxes;
    const branches = await clients().neon.listBranches();
    const live = history.dbBranches.filter((branch) => branch.state !== 'deleted');
    expect(branches.map((b) => b.id).sort()).toEqual(live.map((b) => b.neonBranchId).sort());
    const open = history.pullRequests.filter((pr) => pr.state === 'open');
    expect(branches.filter((b) => b.name.startsWith('preview/'))).toHaveLength(open.length);
    expect(branches.find((b) => b.default)?.name).toBe('main');
    const deleted = history.dbBranches.find((branch) => branch.state === 'deleted')!;
    await expect(clients().neon.getBranch(deleted.neonBranchId)).rejects.toThrow();
  });

  it('bill the demo costs: Vercel charges and Neon consumption for the same days', async () => {
    const { history } = sandboxes;
    const { vercel, neon } = clients();
    const to = new Date(Date.parse(history.costSamples.at(-1)!.day) + 86_400_000);
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const { charges } = await vercel.listBillingCharges(from, to);
    const vercelDemo = history.costSamples.filter(
      (s) => s.provider === 'vercel' && s.day >= from.toISOString().slice(0, 10),
    );
    expect(charges).toHaveLength(vercelDemo.length);
    const total = (values: number[]) => values.reduce((sum, v) => sum + v, 0);
    expect(total(charges.map((c) => c.billedCostUsd))).toBeCloseTo(
      total(vercelDemo.map((s) => Number(s.amountUsd))),
      2,
    );
    const compute = await neon.getConsumptionHistory({
      from,
      to,
      granularity: 'daily',
      metrics: ['compute_unit_seconds'],
      per: 'branch',
    });
    const neonDemo = history.costSamples.filter(
      (s) => s.metric === 'compute_hours' && s.day >= from.toISOString().slice(0, 10),
    );
    // Neon reports whole CU-seconds, so each day's figure is off by at most half a second.
    const hours = total(compute.map((c) => c.value)) / 3600;
    const demoHours = total(neonDemo.map((s) => Number(s.quantity)));
    expect(Math.abs(hours - demoHours)).toBeLessThanOrEqual((compute.length * 0.5) / 3600);
  });
});
