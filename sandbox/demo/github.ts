import type { CiRunRow, DemoHistory } from '@/lib/demo';
import type { People } from '../github/people';
import type { Commit, JobState, PullState, RepoState, RunState } from '../github/state';

/** The suites the demo's CI workflow runs, one job each, in the order they start. */
const SUITES = ['unit', 'integration', 'e2e'] as const;

/**
 * Puts the demo's repository into the GitHub emulator as GitHub would hold it: one commit per
 * push (the git deployments are one per push), `main` and `develop` at their last push, a branch
 * per open pull request, every pull request with its head and merge commit, and every CI run
 * with its jobs. State is written directly, so no webhooks are queued for the past.
 */
export function fillGitHubRepo(repo: RepoState, history: DemoHistory): void {
  const pushes = pushesOf(history);
  const tips = new Map<string, string>();
  for (const push of pushes) {
    const parent = tips.get(push.branch) ?? baseOf(push, history, tips);
    const commit: Commit = {
      sha: push.sha,
      parents: parent ? [parent] : [],
      message: push.message,
      at: push.at,
    };
    repo.commits.set(commit.sha, commit);
    tips.set(push.branch, commit.sha);
  }

  repo.branches.clear();
  const open = history.pullRequests.filter((pr) => pr.state === 'open');
  for (const branch of ['main', 'develop', ...open.map((pr) => pr.headBranch)]) {
    const tip = tips.get(branch);
    if (tip) repo.branches.set(branch, tip);
  }

  const mergeCommits = mergeCommitsByNumber(history);
  repo.pulls.clear();
  for (const pr of history.pullRequests) {
    const pull: PullState = {
      number: pr.number,
      title: pr.title,
      state: pr.state === 'open' ? 'open' : 'closed',
      draft: pr.draft,
      mergedAt: pr.mergedAt ?? null,
      mergeCommitSha: pr.mergedAt ? (mergeCommits.get(pr.number) ?? null) : null,
      author: pr.author,
      headRef: pr.headBranch,
      headSha: pr.headSha,
      baseRef: pr.baseBranch,
      createdAt: pr.openedAt,
      updatedAt: pr.providerUpdatedAt,
      closedAt: pr.closedAt ?? null,
    };
    repo.pulls.set(pull.number, pull);
  }
  // Issues and pull requests share GitHub's numbering: new ones continue after the demo's.
  repo.nextNumber = Math.max(0, ...history.pullRequests.map((pr) => pr.number)) + 1;

  repo.runs.clear();
  repo.jobs.clear();
  const suitesOfRun = reportedSuites(history);
  [...history.ciRuns]
    .sort((a, b) => a.providerCreatedAt.getTime() - b.providerCreatedAt.getTime())
    .forEach((ci, index) => {
      const run = runState(ci, index + 1);
      repo.runs.set(run.id, run);
      for (const job of jobStates(ci, suitesOfRun.get(ci.githubRunId) ?? new Map())) {
        repo.jobs.set(job.id, job);
      }
    });
}

/**
 * The demo team's GitHub accounts under the ids the seed stores, and the org's teams with the
 * people whose role comes from one (GITHUB_TEAM_ROLES in the demo maps the release team).
 */
export function fillGitHubPeople(people: People, history: DemoHistory): void {
  for (const person of history.team) {
    people.add(person.githubLogin, person.githubId);
    if (!person.team) continue;
    const [org, team] = person.team.split('/') as [string, string];
    people.join(org, team, person.githubLogin);
  }
}

interface DemoPush {
  branch: string;
  sha: string;
  message: string;
  at: Date;
  pullRequestNumber?: number;
}

/** Vercel builds every push once, so the git deployments list the pushes, oldest first. */
function pushesOf(history: DemoHistory): DemoPush[] {
  const ciCreated = new Map(history.ciRuns.map((run) => [run.headSha, run.providerCreatedAt]));
  return history.deployments
    .filter((row) => row.source === 'git')
    .map((row) => ({
      branch: row.gitBranch,
      sha: row.commitSha,
      message: row.commitMessage,
      // The commit precedes both its build and its CI run.
      at: new Date(
        Math.min(
          row.providerCreatedAt.getTime(),
          ciCreated.get(row.commitSha)?.getTime() ?? Infinity,
        ),
      ),
      pullRequestNumber: row.pullRequestNumber,
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A pull request's first commit branches off main as it was then. */
function baseOf(
  push: DemoPush,
  history: DemoHistory,
  tips: ReadonlyMap<string, string>,
): string | undefined {
  if (push.pullRequestNumber === undefined) return undefined;
  const pr = history.pullRequests.find((row) => row.number === push.pullRequestNumber);
  return tips.get(pr?.baseBranch ?? 'main');
}

/** Merges are squash commits on main whose message ends in `(#<number>)`. */
function mergeCommitsByNumber(history: DemoHistory): Map<number, string> {
  const merges = new Map<number, string>();
  for (const row of history.deployments) {
    if (row.source !== 'git' || row.gitBranch !== 'main') continue;
    const number = /\(#(\d+)\)$/.exec(row.commitMessage)?.[1];
    if (number) merges.set(Number(number), row.commitSha);
  }
  return merges;
}

function runState(ci: CiRunRow, runNumber: number): RunState {
  return {
    id: ci.githubRunId,
    name: ci.workflowName,
    // GitHub's workflow id is stable per workflow file; derived from the name as the emulator does.
    workflowId: 7000 + [...ci.workflowName].reduce((sum, char) => sum + char.charCodeAt(0), 0),
    headSha: ci.headSha,
    headBranch: ci.headBranch,
    event: ci.event,
    status: ci.status,
    conclusion: ci.conclusion,
    runNumber,
    pullRequestNumbers: ci.pullRequestNumber === undefined ? [] : [ci.pullRequestNumber],
    createdAt: ci.providerCreatedAt,
    updatedAt: ci.providerUpdatedAt,
    runStartedAt: ci.startedAt,
  };
}

type SuiteTimes = Map<string, { startedAt: Date; endsAt: Date; failed: boolean }>;

/** The test reports tell when each suite's job ran and whether it failed. */
function reportedSuites(history: DemoHistory): Map<number, SuiteTimes> {
  const byRun = new Map<number, SuiteTimes>();
  for (const { run, cases } of history.testRuns) {
    const suites = byRun.get(run.githubRunId) ?? new Map();
    suites.set(run.suite, {
      startedAt: run.startedAt,
      endsAt: new Date(run.startedAt.getTime() + run.durationMs),
      failed: cases.some((testCase) => testCase.status === 'failed'),
    });
    byRun.set(run.githubRunId, suites);
  }
  return byRun;
}

/**
 * One job per suite. A suite with a report finished with it; a suite without one was stopped
 * with the run (cancelled, timed out) or never started because the build failed.
 */
function jobStates(ci: CiRunRow, suites: SuiteTimes): JobState[] {
  const end = ci.completedAt;
  const jobs: JobState[] = [];
  for (const [index, name] of SUITES.entries()) {
    const reported = suites.get(name);
    if (!reported && name === 'e2e' && ci.conclusion !== 'timed_out') continue;
    jobs.push({
      // Job ids are unique across GitHub; derived from the run's so a restart gives the same ones.
      id: ci.githubRunId * SUITES.length + index,
      runId: ci.githubRunId,
      name,
      status: 'completed',
      conclusion: reported
        ? reported.failed
          ? 'failure'
          : 'success'
        : ci.conclusion === 'timed_out'
          ? 'timed_out'
          : 'cancelled',
      createdAt: ci.providerCreatedAt,
      startedAt: reported?.startedAt ?? ci.startedAt,
      completedAt: reported && reported.endsAt < end ? reported.endsAt : end,
    });
  }
  return jobs;
}
