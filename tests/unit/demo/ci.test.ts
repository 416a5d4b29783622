import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoHistory } from '@/lib/demo';
import { FLAKY_TEST_NAME } from '@/lib/demo/stories';

const now = new Date('2026-03-18T10:25:00Z');
const history = generateDemoHistory({ now, seed: DEFAULT_SEED });
const runs = history.testRuns;
const suite = (name: string) => runs.filter(({ run }) => run.suite === name);

describe('demo CI history', () => {
  it('runs about 200 unit, 26 integration and 30 e2e tests today, a suite that only grows', () => {
    for (const [name, size] of [
      ['unit', 200],
      ['integration', 26],
      ['e2e', 30],
    ] as const) {
      const reports = suite(name).sort(
        (a, b) => a.run.startedAt.getTime() - b.run.startedAt.getTime(),
      );
      const latest = reports[reports.length - 1]!.cases.map((c) => c.name);
      expect(latest).toHaveLength(size);
      // Every report runs the tests written by then, in the order of today's report.
      let previous = 0;
      for (const { cases } of reports) {
        const names = cases.map((c) => c.name);
        expect(names).toEqual(latest.filter((test) => names.includes(test)));
        expect(names.length).toBeGreaterThanOrEqual(previous);
        previous = names.length;
      }
      expect(reports[0]!.cases.length).toBeLessThan(size);
    }
  });

  it('has three flaky tests that pass on retry, two of them flaking in 3–17 % of runs', () => {
    const flakes = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const { cases } of runs) {
      for (const testCase of cases) {
        seen.set(testCase.name, (seen.get(testCase.name) ?? 0) + 1);
        if (testCase.status !== 'flaky') continue;
        flakes.set(testCase.name, (flakes.get(testCase.name) ?? 0) + 1);
        expect(testCase.retries).toBe(1);
        expect(testCase.failureMessage).toBeTruthy();
      }
    }
    expect(flakes.size).toBe(3);
    // The third one's rate rises and falls with its story (stories.test.ts).
    flakes.delete(FLAKY_TEST_NAME);
    for (const [name, count] of flakes) {
      const rate = count / seen.get(name)!;
      expect(rate).toBeGreaterThanOrEqual(0.03);
      expect(rate).toBeLessThanOrEqual(0.17);
    }
  });

  it('fails for real on some pull-request commits, with assertion messages', () => {
    const failed = runs.filter(({ cases }) => cases.some((c) => c.status === 'failed'));
    expect(failed.length).toBeGreaterThan(2);
    for (const { run, cases } of failed) {
      expect(run.pullRequestNumber).toBeDefined();
      for (const testCase of cases.filter((c) => c.status === 'failed')) {
        expect(testCase.failureMessage).toMatch(/error|expected/i);
      }
    }
  });

  it('fixes a failing commit with a later push on the same pull request', () => {
    const closed = new Set(
      history.pullRequests.filter((pr) => pr.state !== 'open').map((pr) => pr.number),
    );
    for (const { run, cases } of runs) {
      if (!cases.some((c) => c.status === 'failed') || !closed.has(run.pullRequestNumber!))
        continue;
      const later = runs.filter(
        (other) =>
          other.run.pullRequestNumber === run.pullRequestNumber &&
          other.run.suite === run.suite &&
          other.run.startedAt > run.startedAt,
      );
      expect(later.some((other) => other.cases.every((c) => c.status !== 'failed'))).toBe(true);
    }
  });

  it('reports coverage between 70 and 85 % for unit and integration runs only', () => {
    for (const { run } of runs) {
      if (run.suite === 'e2e') expect(run.coveragePct).toBeUndefined();
      else {
        expect(run.coveragePct).toBeGreaterThanOrEqual(70);
        expect(run.coveragePct).toBeLessThanOrEqual(85);
      }
    }
    const unitCoverage = new Set(suite('unit').map(({ run }) => run.coveragePct));
    expect(unitCoverage.size).toBeGreaterThan(20);
  });

  it('ties each report to its CI run and each e2e run to the deployment it tested', () => {
    const ciRuns = new Map(history.ciRuns.map((run) => [run.githubRunId, run]));
    const deployments = new Map(history.deployments.map((row) => [row.vercelId, row]));
    for (const { run } of runs) {
      const ciRun = ciRuns.get(run.githubRunId)!;
      expect(run.commitSha).toBe(ciRun.headSha);
      expect(run.externalId).toBe(`gha-${run.githubRunId}-${run.suite}`);
      if (run.suite !== 'e2e') continue;
      const deployment = deployments.get(run.vercelId!)!;
      expect(deployment.commitSha).toBe(run.commitSha);
      expect(deployment.environmentSlug).toBe(run.environmentSlug);
    }
    expect(new Set(runs.map(({ run }) => run.externalId)).size).toBe(runs.length);
  });

  it('queues CI runs for seconds to a few minutes and ends them in believable ways', () => {
    for (const run of history.ciRuns) {
      expect(run.queueMs).toBeGreaterThanOrEqual(2_000);
      expect(run.queueMs).toBeLessThanOrEqual(240_000);
      expect(run.event).toBe(run.pullRequestNumber === undefined ? 'push' : 'pull_request');
    }
    const conclusions = new Set(history.ciRuns.map((run) => run.conclusion));
    for (const conclusion of ['success', 'failure', 'cancelled'])
      expect(conclusions).toContain(conclusion);
  });
});
