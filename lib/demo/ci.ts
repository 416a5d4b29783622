import type { TestSuite } from '@/lib/domain/test-runs';
import { DAY, HISTORY_DAYS, MINUTE, SECOND } from './clock';
import { clamp, type Random } from './random';
import type { DemoStories, SlowCi } from './stories';
import { runSuite, type SuiteMoment } from './test-runs';
import { GITHUB_OWNER, GITHUB_REPO } from './team';
import type { Push } from './timeline';
import type { CiRunRow, DeploymentRow, TestRunRow } from './types';

const WORKFLOW = 'CI';
/** The workflow's `timeout-minutes`: a hung Playwright job ends the run as timed out. */
const JOB_TIMEOUT = 20 * MINUTE;

interface Finished {
  run: TestRunRow;
  endsAt: number;
}

/**
 * One run of the CI workflow per push. Unit and integration jobs start after setup; the e2e job
 * waits for the push's Vercel deployment and runs Playwright against it. A newer push cancels
 * the run (concurrency group), and only reports uploaded before that survive. During the slow
 * week every job reinstalled its dependencies, so runs took longer and queued behind each other.
 */
export function ciHistory(
  random: Random,
  now: number,
  pushes: readonly Push[],
  deployments: ReadonlyMap<Push, DeploymentRow>,
  { slowCi, flakyTest }: Pick<DemoStories, 'slowCi' | 'flakyTest'>,
): { ciRuns: CiRunRow[]; testRuns: TestRunRow[] } {
  const runIds = new RunIds(now);
  const historyStart = now - HISTORY_DAYS * DAY;
  const slow = random.fork('slow-ci-runs');
  const flakes = random.fork('flaky-test-runs');
  const ciRuns: CiRunRow[] = [];
  const testRuns: TestRunRow[] = [];
  for (const push of [...pushes].sort((a, b) => a.at - b.at)) {
    const createdAt = push.at + random.int(3, 12) * SECOND;
    const githubRunId = runIds.next(random, createdAt);
    const usualQueueMs = random.logNormal(9 * SECOND, 1);
    const missing = cacheMissing(slowCi, createdAt);
    const queueMs = Math.round(
      clamp(missing ? slow.logNormal(70 * SECOND, 0.5) : usualQueueMs, 2 * SECOND, 4 * MINUTE),
    );
    const startedAt = createdAt + queueMs;
    const reinstall = missing ? slow.int(150, 220) * SECOND : 0;
    const setupEnd = startedAt + random.int(35, 70) * SECOND + reinstall;
    const deployment = deployments.get(push);
    const timedOut = !push.critical && random.chance(0.006);
    const context = { push, githubRunId };
    const moment = (at: number): SuiteMoment => ({
      at,
      progress: (at - historyStart) / (HISTORY_DAYS * DAY),
      flakyTest,
      flakes,
    });
    const integrationStart = setupEnd + random.int(8, 15) * SECOND;
    const finished: Finished[] = [
      suiteRun(random, context, 'unit', moment(setupEnd)),
      suiteRun(random, context, 'integration', moment(integrationStart)),
    ];
    if (deployment?.state === 'ready' && !timedOut) {
      // Without the cache the e2e job also downloads Playwright's browsers.
      const browsers = missing ? slow.int(60, 90) * SECOND : 0;
      const e2eStart = Math.max(
        setupEnd + 20 * SECOND + browsers,
        deployment.readyAt!.getTime() + random.int(5, 20) * SECOND,
      );
      finished.push(suiteRun(random, context, 'e2e', moment(e2eStart), deployment));
    }
    let completedAt = Math.max(...finished.map((f) => f.endsAt)) + random.int(5, 15) * SECOND;
    let conclusion: CiRunRow['conclusion'] =
      push.failingSuite || deployment?.state === 'error' ? 'failure' : 'success';
    let reported = finished;
    if (push.supersededAt !== undefined) {
      completedAt = Math.max(push.supersededAt + random.int(2, 8) * SECOND, startedAt + SECOND);
      conclusion = 'cancelled';
      reported = finished.filter((f) => f.endsAt < completedAt);
    } else if (timedOut) {
      completedAt = startedAt + JOB_TIMEOUT;
      conclusion = 'timed_out';
    }
    testRuns.push(...reported.map((f) => f.run));
    ciRuns.push({
      githubRunId,
      pullRequestNumber: push.pullRequestNumber,
      workflowName: WORKFLOW,
      event: push.target === 'preview' ? 'pull_request' : 'push',
      headBranch: push.branch,
      headSha: push.sha,
      status: 'completed',
      conclusion,
      // Now and then someone re-ran a run that failed on the runner, not on the code.
      runAttempt: conclusion === 'success' && random.chance(0.04) ? 2 : 1,
      htmlUrl: `https://github.com/${GITHUB_OWNER}/${GITHUB_REPO}/actions/runs/${githubRunId}`,
      providerCreatedAt: new Date(createdAt),
      startedAt: new Date(startedAt),
      completedAt: new Date(completedAt),
      queueMs,
      durationMs: completedAt - startedAt,
      // The history's reports are already stored: no sync fetches its artifacts again.
      reportsReadAt: new Date(completedAt),
      providerUpdatedAt: new Date(completedAt),
    });
  }
  return { ciRuns, testRuns };
}

/** Runs created between the runner image update and the merge of the workflow fix. */
function cacheMissing(slowCi: SlowCi, createdAt: number): boolean {
  return createdAt >= slowCi.from && createdAt < slowCi.fixedAt;
}

function suiteRun(
  random: Random,
  { push, githubRunId }: { push: Push; githubRunId: number },
  suite: TestSuite,
  moment: SuiteMoment,
  deployment?: DeploymentRow,
): Finished {
  const startedAt = moment.at;
  const result = runSuite(random, suite, moment, push.failingSuite === suite);
  return {
    endsAt: startedAt + result.durationMs,
    run: {
      run: {
        githubRunId,
        externalId: `gha-${githubRunId}-${suite}`,
        suite,
        commitSha: push.sha,
        branch: push.branch,
        pullRequestNumber: push.pullRequestNumber,
        environmentSlug: deployment?.environmentSlug,
        vercelId: deployment?.vercelId,
        startedAt: new Date(startedAt),
        durationMs: result.durationMs,
        coveragePct: result.coveragePct,
      },
      cases: result.cases,
    },
  };
}

/** GitHub run ids grow with time across all of GitHub; ours are sparse and increasing. */
class RunIds {
  private readonly start: number;
  private last = 0;
  constructor(now: number) {
    this.start = now - HISTORY_DAYS * DAY;
  }
  next(random: Random, at: number): number {
    const id = 14_100_000_000 + Math.floor((at - this.start) / SECOND) * 160 + random.int(0, 159);
    this.last = Math.max(id, this.last + 1);
    return this.last;
  }
}
