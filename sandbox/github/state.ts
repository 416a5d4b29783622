import { createHash } from 'node:crypto';

/** The emulator's memory of one repository, in its own terms; wire.ts renders GitHub's JSON. */
export interface Commit {
  sha: string;
  parents: string[];
  message: string;
  at: Date;
  /** The paths the commit changed, as the compare endpoint lists them. */
  files?: string[];
}

export interface PullState {
  number: number;
  title: string;
  state: 'open' | 'closed';
  draft: boolean;
  mergedAt: Date | null;
  mergeCommitSha: string | null;
  author: string;
  headRef: string;
  headSha: string;
  /** `owner/name` of the fork the head branch lives in; absent for a branch of this repository. */
  fork?: string;
  baseRef: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface RunState {
  id: number;
  name: string;
  workflowId: number;
  headSha: string;
  headBranch: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  runNumber: number;
  pullRequestNumbers: number[];
  /** `owner/name` of the fork whose code ran; absent when the repository's own code did. */
  fork?: string;
  createdAt: Date;
  updatedAt: Date;
  runStartedAt: Date | null;
}

export interface JobState {
  id: number;
  runId: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface ArtifactState {
  id: number;
  runId: number;
  name: string;
  sizeInBytes: number;
  createdAt: Date;
  expiresAt: Date;
  /** What the artifact's zip holds, by path inside it. */
  files?: Record<string, string | Uint8Array>;
  /** The zip's bytes exactly as served, when a test needs a zip no archiver would write. */
  zip?: Uint8Array;
}

export interface CommentState {
  id: number;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface StatusState {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  createdAt: Date;
}

export interface RepoState {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  branches: Map<string, string>;
  commits: Map<string, Commit>;
  pulls: Map<number, PullState>;
  runs: Map<number, RunState>;
  jobs: Map<number, JobState>;
  artifacts: ArtifactState[];
  comments: Map<number, CommentState>;
  statuses: StatusState[];
  /** Issues and pull requests share one number sequence, as on GitHub. */
  nextNumber: number;
}

/** Hands out ids, one sequence per kind, the way GitHub's are unique per kind. */
export class Ids {
  private last = new Map<string, number>();
  next(kind: string): number {
    const id = (this.last.get(kind) ?? 1000) + 1;
    this.last.set(kind, id);
    return id;
  }
}

export function createRepo(id: number, fullName: string, at: Date): RepoState {
  const [owner, name] = fullName.split('/') as [string, string];
  const root: Commit = {
    sha: shaOf(`${fullName}:root`),
    parents: [],
    message: 'Initial commit',
    at,
  };
  return {
    id,
    owner,
    name,
    defaultBranch: 'main',
    branches: new Map([['main', root.sha]]),
    commits: new Map([[root.sha, root]]),
    pulls: new Map(),
    runs: new Map(),
    jobs: new Map(),
    artifacts: [],
    comments: new Map(),
    statuses: [],
    nextNumber: 1,
  };
}

export function shaOf(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** A branch name or a full SHA; undefined when the repository has neither. */
export function resolveRef(repo: RepoState, ref: string): string | undefined {
  return repo.branches.get(ref) ?? (repo.commits.has(ref) ? ref : undefined);
}

function ancestors(repo: RepoState, sha: string): Set<string> {
  const seen = new Set<string>();
  const stack = [sha];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(repo.commits.get(current)?.parents ?? []));
  }
  return seen;
}

/** GitHub's compare: commits reachable from one side and not the other. */
export function compare(repo: RepoState, base: string, head: string) {
  const fromBase = ancestors(repo, base);
  const fromHead = ancestors(repo, head);
  const ahead = [...fromHead].filter((sha) => !fromBase.has(sha));
  const aheadBy = ahead.length;
  const behindBy = [...fromBase].filter((sha) => !fromHead.has(sha)).length;
  const when = (sha: string) => repo.commits.get(sha)?.at.getTime() ?? 0;
  // The newest commit both sides reach: where the head branched off (or last merged) the base.
  const mergeBase = [...fromHead]
    .filter((sha) => fromBase.has(sha))
    .sort((a, b) => when(b) - when(a))[0];
  const status =
    aheadBy === 0 && behindBy === 0
      ? 'identical'
      : behindBy === 0
        ? 'ahead'
        : aheadBy === 0
          ? 'behind'
          : 'diverged';
  // GitHub lists the head's own commits oldest first.
  ahead.sort((a, b) => when(a) - when(b));
  return { status, aheadBy, behindBy, ahead, mergeBase: mergeBase ?? base } as const;
}
