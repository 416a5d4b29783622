import type { Json } from './examples';
import { pullRequestPayload, pushPayload, workflowJobPayload, workflowRunPayload } from './events';
import {
  type CommentState,
  type Commit,
  type JobState,
  type PullState,
  type RepoState,
  type RunState,
  shaOf,
} from './state';
import type { World } from './world';

type Deliver = (event: string, payload: Json, repo: RepoState) => void;

const NO_COMMIT = '0'.repeat(40);

/**
 * What happens on GitHub outside envboard's API calls — developers push and open pull requests,
 * Actions runs workflows — each followed by the webhooks GitHub would send. `at` backdates a
 * change for seeding history; it defaults to the sandbox clock.
 */
export class StateChanges {
  constructor(
    private readonly world: World,
    private readonly deliver: Deliver,
  ) {}

  private repo(fullName: string): RepoState {
    const repo = this.world.repos.get(fullName);
    if (!repo) throw new Error(`The GitHub sandbox has no repository ${fullName}`);
    return repo;
  }

  push(
    fullName: string,
    push: {
      branch: string;
      messages?: string[];
      author?: string;
      at?: Date;
      /** Paths the push's last commit changes (the compare endpoint lists them). */
      files?: string[];
    },
  ): { before: string; after: string } {
    const repo = this.repo(fullName);
    const at = push.at ?? this.world.now();
    const author = push.author ?? 'octocat';
    const existing = repo.branches.get(push.branch);
    let parent = existing ?? (repo.branches.get(repo.defaultBranch) as string);
    const messages = push.messages ?? [`Update ${push.branch}`];
    const commits: Commit[] = messages.map((message, index) => {
      const sha = shaOf(`${fullName}:${this.world.ids.next('commit')}`);
      const last = index === messages.length - 1;
      const commit = {
        sha,
        parents: [parent],
        message,
        at,
        ...(last && push.files && { files: push.files }),
      };
      repo.commits.set(sha, commit);
      parent = sha;
      return commit;
    });
    const before = existing ?? NO_COMMIT;
    repo.branches.set(push.branch, parent);
    const wire = this.world.wire;
    this.deliver(
      'push',
      pushPayload(wire, repo, { ...push, before, after: parent, commits, pusher: author }),
      repo,
    );
    for (const pr of repo.pulls.values()) {
      if (pr.state !== 'open' || pr.fork || pr.headRef !== push.branch) continue;
      const previous = pr.headSha;
      Object.assign(pr, { headSha: parent, updatedAt: at });
      const extra = { before: previous, after: parent };
      this.deliver('pull_request', pullRequestPayload(wire, repo, pr, 'synchronize', extra), repo);
    }
    return { before, after: parent };
  }

  openPullRequest(
    fullName: string,
    open: {
      head: string;
      title: string;
      base?: string;
      author?: string;
      draft?: boolean;
      /** `owner/name` of a fork the head branch is pushed to instead of this repository. */
      fork?: string;
      at?: Date;
    },
  ): PullState {
    const repo = this.repo(fullName);
    const at = open.at ?? this.world.now();
    const author = open.author ?? 'octocat';
    const headSha = open.fork
      ? this.forkCommit(repo, open.fork, open.head, at)
      : (repo.branches.get(open.head) ??
        this.push(fullName, { branch: open.head, author, at }).after);
    const pr: PullState = {
      number: repo.nextNumber++,
      title: open.title,
      state: 'open',
      draft: open.draft ?? false,
      mergedAt: null,
      mergeCommitSha: null,
      author,
      headRef: open.head,
      headSha,
      ...(open.fork && { fork: open.fork }),
      baseRef: open.base ?? repo.defaultBranch,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
    };
    repo.pulls.set(pr.number, pr);
    this.deliver('pull_request', pullRequestPayload(this.world.wire, repo, pr, 'opened'), repo);
    return pr;
  }

  /**
   * A commit pushed to a fork: GitHub sends this repository no push for it, but the pull request
   * makes the commit readable here (its `refs/pull/<n>/head`), so it joins the commit graph.
   */
  private forkCommit(repo: RepoState, fork: string, branch: string, at: Date): string {
    const sha = shaOf(`${fork}:${this.world.ids.next('commit')}`);
    const parent = repo.branches.get(repo.defaultBranch) as string;
    repo.commits.set(sha, { sha, parents: [parent], message: `Update ${branch}`, at });
    return sha;
  }

  /** Someone other than envboard comments on a pull request (or issue). */
  comment(
    fullName: string,
    number: number,
    comment: { author: string; body: string; at?: Date },
  ): CommentState {
    const repo = this.repo(fullName);
    if (!repo.pulls.has(number)) throw new Error(`No pull request #${number} in ${fullName}`);
    const at = comment.at ?? this.world.now();
    const written: CommentState = {
      id: this.world.ids.next('comment'),
      issueNumber: number,
      body: comment.body,
      author: comment.author,
      createdAt: at,
      updatedAt: at,
    };
    repo.comments.set(written.id, written);
    return written;
  }

  /** Merging adds a merge commit to the base branch, which GitHub reports as a push too. */
  closePullRequest(
    fullName: string,
    number: number,
    close: { merge: boolean; at?: Date },
  ): PullState {
    const repo = this.repo(fullName);
    const pr = repo.pulls.get(number);
    if (!pr || pr.state !== 'open') throw new Error(`Pull request #${number} is not open`);
    const at = close.at ?? this.world.now();
    if (close.merge) {
      const baseSha = repo.branches.get(pr.baseRef) as string;
      const sha = shaOf(`${fullName}:${this.world.ids.next('commit')}`);
      const merge = {
        sha,
        parents: [baseSha, pr.headSha],
        message: `Merge pull request #${number}`,
        at,
      };
      repo.commits.set(sha, merge);
      repo.branches.set(pr.baseRef, sha);
      Object.assign(pr, { mergedAt: at, mergeCommitSha: sha });
      const push = {
        branch: pr.baseRef,
        before: baseSha,
        after: sha,
        commits: [merge],
        pusher: pr.author,
      };
      this.deliver('push', pushPayload(this.world.wire, repo, push), repo);
    }
    Object.assign(pr, { state: 'closed', closedAt: at, updatedAt: at });
    this.deliver('pull_request', pullRequestPayload(this.world.wire, repo, pr, 'closed'), repo);
    return pr;
  }

  /** A run queued on the branch's head, linked to its open pull requests. */
  startWorkflowRun(
    fullName: string,
    start: {
      branch: string;
      name?: string;
      jobs?: string[];
      event?: string;
      at?: Date;
      /** `owner/name` of a fork whose pull request this run builds. */
      fork?: string;
    },
  ): RunState {
    const repo = this.repo(fullName);
    const headSha = repo.branches.get(start.branch);
    if (!headSha) throw new Error(`No branch ${start.branch} in ${fullName}`);
    const at = start.at ?? this.world.now();
    const name = start.name ?? 'CI';
    const run: RunState = {
      id: this.world.ids.next('run'),
      name,
      workflowId: 7000 + [...name].reduce((sum, char) => sum + char.charCodeAt(0), 0),
      headSha,
      headBranch: start.branch,
      event: start.event ?? (start.branch === repo.defaultBranch ? 'push' : 'pull_request'),
      status: 'queued',
      conclusion: null,
      runNumber: repo.runs.size + 1,
      pullRequestNumbers: [...repo.pulls.values()]
        .filter((pr) => pr.state === 'open' && pr.headRef === start.branch)
        .map((pr) => pr.number),
      fork: start.fork,
      createdAt: at,
      updatedAt: at,
      runStartedAt: null,
    };
    repo.runs.set(run.id, run);
    this.deliver('workflow_run', workflowRunPayload(this.world.wire, repo, run, 'requested'), repo);
    for (const jobName of start.jobs ?? ['test']) {
      const job: JobState = {
        id: this.world.ids.next('job'),
        runId: run.id,
        name: jobName,
        status: 'queued',
        conclusion: null,
        createdAt: at,
        startedAt: null,
        completedAt: null,
      };
      repo.jobs.set(job.id, job);
      this.deliver(
        'workflow_job',
        workflowJobPayload(this.world.wire, repo, job, run, 'queued'),
        repo,
      );
    }
    return run;
  }

  /** Starts and finishes every job of the run, then the run; artifacts are attached to it. */
  completeWorkflowRun(
    fullName: string,
    runId: number,
    complete: {
      conclusion?: string;
      queuedMs?: number;
      artifacts?: {
        name: string;
        sizeInBytes: number;
        files?: Record<string, string | Uint8Array>;
        zip?: Uint8Array;
      }[];
      at?: Date;
    } = {},
  ): RunState {
    const repo = this.repo(fullName);
    const run = repo.runs.get(runId);
    if (!run || run.status === 'completed') throw new Error(`Run ${runId} is not in progress`);
    const at = complete.at ?? this.world.now();
    const started = new Date(
      Math.min(at.getTime(), run.createdAt.getTime() + (complete.queuedMs ?? 0)),
    );
    const conclusion = complete.conclusion ?? 'success';
    const wire = this.world.wire;
    Object.assign(run, { status: 'in_progress', runStartedAt: started, updatedAt: started });
    this.deliver('workflow_run', workflowRunPayload(wire, repo, run, 'in_progress'), repo);
    for (const job of repo.jobs.values()) {
      if (job.runId !== runId) continue;
      Object.assign(job, { status: 'in_progress', startedAt: started });
      this.deliver('workflow_job', workflowJobPayload(wire, repo, job, run, 'in_progress'), repo);
      Object.assign(job, { status: 'completed', conclusion, completedAt: at });
      this.deliver('workflow_job', workflowJobPayload(wire, repo, job, run, 'completed'), repo);
    }
    for (const artifact of complete.artifacts ?? []) {
      const expiresAt = new Date(at.getTime() + 90 * 86_400_000);
      repo.artifacts.push({
        id: this.world.ids.next('artifact'),
        runId,
        ...artifact,
        createdAt: at,
        expiresAt,
      });
    }
    Object.assign(run, { status: 'completed', conclusion, updatedAt: at });
    this.deliver('workflow_run', workflowRunPayload(wire, repo, run, 'completed'), repo);
    return run;
  }
}
