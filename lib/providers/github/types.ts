import type { ApiUsage } from './instrumented-fetch';

/** The parts of GitHub envboard reads and writes, in its own words. Times are Dates. */
export interface PullRequest {
  number: number;
  title: string;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  author: string | null;
  headSha: string;
  headRef: string;
  baseRef: string;
  /** The head branch is in another repository (a fork), so its name is not one of ours. */
  fromFork: boolean;
  htmlUrl: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
}

export interface WorkflowRun {
  id: number;
  name: string | null;
  workflowId: number;
  headSha: string;
  headBranch: string | null;
  event: string;
  status: string | null;
  conclusion: string | null;
  runNumber: number;
  runAttempt: number;
  /** Empty for pull requests from forks: map those back by `headSha`. */
  pullRequestNumbers: number[];
  /** `owner/name` of the repository whose code ran: a fork's for a fork's pull request. */
  headRepository: string | null;
  htmlUrl: string;
  createdAt: Date;
  updatedAt: Date;
  runStartedAt: Date | null;
}

export interface WorkflowJob {
  id: number;
  runId: number;
  name: string;
  status: string;
  conclusion: string | null;
  /** When the job was queued; `startedAt - createdAt` is its queue time. */
  createdAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface Artifact {
  id: number;
  name: string;
  sizeInBytes: number;
  expired: boolean;
  archiveDownloadUrl: string;
  expiresAt: Date | null;
}

export interface Comparison {
  status: 'diverged' | 'ahead' | 'behind' | 'identical';
  aheadBy: number;
  behindBy: number;
  /** The head's own commits, oldest first (GitHub lists at most 250). */
  commits: ComparedCommit[];
  /** The files those commits changed (GitHub lists at most 300). */
  files: { filename: string; status: string }[];
  htmlUrl: string;
}

export interface ComparedCommit {
  sha: string;
  message: string;
  /** The GitHub login, or the git author's name when the commit is not linked to a user. */
  author: string;
  htmlUrl: string;
  at: Date | null;
}

export interface IssueComment {
  id: number;
  htmlUrl: string;
  /** False when an existing comment carrying the marker was updated instead. */
  created: boolean;
}

/** A member of a GitHub team: the numeric id is who they are, the login may change. */
export interface TeamMember {
  id: number;
  login: string;
}

export type CommitState = 'error' | 'failure' | 'pending' | 'success';

export interface CommitStatusInput {
  state: CommitState;
  context: string;
  description?: string;
  targetUrl?: string;
}

/** What the token may do in the repository (GitHub's `permissions` on the repository). */
export interface RepositoryAccess {
  fullName: string;
  /** Absent when GitHub did not say (a token without access to the permissions). */
  permissions: { admin: boolean; push: boolean; pull: boolean } | null;
}

/** A repository webhook with the answer to its last delivery. */
export interface RepositoryHook {
  id: number;
  active: boolean;
  events: string[];
  url: string | null;
  /** `status` is `unused` before the first delivery; `code` the receiver's HTTP status. */
  lastResponse: { code: number | null; status: string | null; message: string | null };
}

/** The one GitHub repository a client is bound to. Every method throws ProviderError. */
export interface GitHubClient {
  listPullRequests(options: { state: 'open' | 'all'; since?: Date }): Promise<PullRequest[]>;
  getPullRequest(number: number): Promise<PullRequest>;
  /** Runs created at or after `since` (GitHub's `created` filter), newest first. */
  listWorkflowRuns(options?: {
    since?: Date;
    branch?: string;
    headSha?: string;
  }): Promise<WorkflowRun[]>;
  listWorkflowJobs(runId: number): Promise<WorkflowJob[]>;
  compareCommits(base: string, head: string): Promise<Comparison>;
  listRunArtifacts(runId: number, name?: string): Promise<Artifact[]>;
  /**
   * The artifact's zip. GitHub answers with a redirect to a short-lived signed URL; the zip is
   * fetched from there without the token, since that URL is its own credential.
   */
  downloadArtifact(artifactId: number): Promise<Uint8Array>;
  /** The login envboard's comments and statuses carry: the token's user or the App's bot. */
  ownLogin(): Promise<string>;
  /**
   * One sticky comment per marker: envboard's own comment carrying the marker is edited, created
   * when there is none; a comment someone else wrote is never touched, marker or not.
   */
  createOrUpdateIssueComment(
    issueNumber: number,
    marker: string,
    body: string,
  ): Promise<IssueComment>;
  createCommitStatus(sha: string, status: CommitStatusInput): Promise<void>;
  /**
   * Everyone in an organization's team, child teams included (GitHub's default); needs a token
   * that can read the org's teams. https://docs.github.com/en/rest/teams/members
   */
  listTeamMembers(org: string, teamSlug: string): Promise<TeamMember[]>;
  /** The repository as the token sees it (https://docs.github.com/en/rest/repos/repos#get-a-repository). */
  getRepositoryAccess(): Promise<RepositoryAccess>;
  /**
   * The repository's webhooks; needs admin on the repository (a fine-grained token: Webhooks
   * read). https://docs.github.com/en/rest/repos/webhooks#list-repository-webhooks
   */
  listRepositoryHooks(): Promise<RepositoryHook[]>;
  /** A snapshot of what this client has spent so far. */
  usage(): ApiUsage;
}
