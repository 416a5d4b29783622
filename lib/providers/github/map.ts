import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { Artifact, ComparedCommit, PullRequest, WorkflowJob, WorkflowRun } from './types';

type Api = RestEndpointMethodTypes;
type ListedPullRequest = Api['pulls']['list']['response']['data'][number];
type FullPullRequest = Api['pulls']['get']['response']['data'];
type ApiRun =
  Api['actions']['listWorkflowRunsForRepo']['response']['data']['workflow_runs'][number];
type ApiJob = Api['actions']['listJobsForWorkflowRun']['response']['data']['jobs'][number];
type ApiArtifact =
  Api['actions']['listWorkflowRunArtifacts']['response']['data']['artifacts'][number];

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/**
 * The fields each mapping reads. REST answers and webhook payloads carry the same objects, so
 * both pass through these functions: a webhook's validated payload needs only these fields.
 */
export type PullRequestFields = Pick<
  ListedPullRequest | FullPullRequest,
  'number' | 'title' | 'state' | 'html_url' | 'created_at' | 'updated_at' | 'closed_at'
> & {
  draft?: boolean | null;
  merged_at: string | null;
  user: { login: string } | null;
  /** `head.repo` is null once a fork's repository is deleted. */
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
};
export type WorkflowRunFields = Pick<
  ApiRun,
  | 'id'
  | 'workflow_id'
  | 'head_sha'
  | 'head_branch'
  | 'event'
  | 'status'
  | 'conclusion'
  | 'run_number'
  | 'html_url'
  | 'created_at'
  | 'updated_at'
> & {
  name?: string | null;
  run_attempt?: number;
  run_started_at?: string | null;
  pull_requests?: { number: number }[] | null;
  head_repository?: { full_name: string } | null;
};
export type WorkflowJobFields = Pick<ApiJob, 'id' | 'run_id' | 'name'> & {
  status: string;
  conclusion: string | null;
  created_at?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
};

/**
 * A pull request comes from a fork when its head lives in another repository than its base, or
 * in one GitHub no longer has (https://docs.github.com/en/rest/pulls/pulls: `head.repo`).
 */
export function isFromFork(pr: {
  head: Pick<PullRequestFields['head'], 'repo'>;
  base: Pick<PullRequestFields['base'], 'repo'>;
}): boolean {
  const head = pr.head.repo?.full_name.toLowerCase();
  return head !== pr.base.repo.full_name.toLowerCase();
}

/** A listed pull request has no `merged` flag; `merged_at` says the same thing. */
export function toPullRequest(pr: PullRequestFields): PullRequest {
  return {
    number: pr.number,
    title: pr.title,
    state: pr.state === 'open' ? 'open' : 'closed',
    draft: pr.draft ?? false,
    merged: pr.merged_at !== null,
    author: pr.user?.login ?? null,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
    fromFork: isFromFork(pr),
    htmlUrl: pr.html_url,
    createdAt: new Date(pr.created_at),
    updatedAt: new Date(pr.updated_at),
    closedAt: date(pr.closed_at),
    mergedAt: date(pr.merged_at),
  };
}

export function toWorkflowRun(run: WorkflowRunFields): WorkflowRun {
  return {
    id: run.id,
    name: run.name ?? null,
    workflowId: run.workflow_id,
    headSha: run.head_sha,
    headBranch: run.head_branch,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    runNumber: run.run_number,
    runAttempt: run.run_attempt ?? 1,
    pullRequestNumbers: (run.pull_requests ?? []).map((pr) => pr.number),
    headRepository: run.head_repository?.full_name ?? null,
    htmlUrl: run.html_url,
    createdAt: new Date(run.created_at),
    updatedAt: new Date(run.updated_at),
    runStartedAt: date(run.run_started_at),
  };
}

export function toWorkflowJob(job: WorkflowJobFields): WorkflowJob {
  return {
    id: job.id,
    runId: job.run_id,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    createdAt: date(job.created_at),
    startedAt: date(job.started_at),
    completedAt: date(job.completed_at),
  };
}

export function toArtifact(artifact: ApiArtifact): Artifact {
  return {
    id: artifact.id,
    name: artifact.name,
    sizeInBytes: artifact.size_in_bytes,
    expired: artifact.expired,
    archiveDownloadUrl: artifact.archive_download_url,
    expiresAt: date(artifact.expires_at),
  };
}

type ApiComparedCommit =
  Api['repos']['compareCommitsWithBasehead']['response']['data']['commits'][number];

/** A commit of a comparison (https://docs.github.com/en/rest/commits/commits#compare-two-commits). */
export function toComparedCommit(commit: ApiComparedCommit): ComparedCommit {
  return {
    sha: commit.sha,
    message: commit.commit.message,
    author: commit.author?.login ?? commit.commit.author?.name ?? 'unknown',
    htmlUrl: commit.html_url,
    at: date(commit.commit.author?.date),
  };
}
