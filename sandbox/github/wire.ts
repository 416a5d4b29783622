import { type Json, part } from './examples';
import type {
  ArtifactState,
  CommentState,
  JobState,
  PullState,
  RepoState,
  RunState,
  StatusState,
} from './state';
import type { TeamState } from './people';

/** GitHub writes times to the second, with a `Z`. */
export const iso = (at: Date | null): string | null =>
  at ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;

/** Renders state as GitHub's JSON: an example object with the emulator's facts laid over it. */
export class Wire {
  constructor(
    private readonly apiUrl: string,
    /** A login's numeric id: the registered account's (see People). */
    private readonly idOf: (login: string) => number,
  ) {}

  api(repo: RepoState, path = ''): string {
    return `${this.apiUrl}/repos/${repo.owner}/${repo.name}${path}`;
  }

  html(repo: RepoState, path = ''): string {
    return `https://github.com/${repo.owner}/${repo.name}${path}`;
  }

  /**
   * A user as GitHub embeds one (simple-user). A bot's login ends in `[bot]`, which GitHub
   * escapes in its API URLs (`/users/envboard%5Bbot%5D`), and its page is the App's
   * (`https://github.com/apps/envboard`).
   */
  user(login: string, template: Json = part('pull_request', 'opened', 'sender')): Json {
    const id = this.idOf(login);
    const bot = login.endsWith('[bot]');
    const api = `${this.apiUrl}/users/${encodeURIComponent(login)}`;
    return {
      ...template,
      login,
      id,
      node_id: Buffer.from(`04:${bot ? 'Bot' : 'User'}${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/${bot ? 'in' : 'u'}/${id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: bot
        ? `https://github.com/apps/${login.slice(0, -'[bot]'.length)}`
        : `https://github.com/${login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: bot ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false,
    };
  }

  /** `GET /user`: the token's account as another user would see it (public-user). */
  account(login: string): Json {
    return {
      ...this.user(login),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2024-01-08T09:00:00Z',
      updated_at: '2024-01-08T09:00:00Z',
    };
  }

  /** A team as `GET /user/teams` lists it, with its organization. */
  team(team: TeamState): Json {
    const url = `${this.apiUrl}/organizations/${team.org}/team/${team.id}`;
    return {
      id: team.id,
      node_id: `T_sandbox${team.id}`,
      url,
      html_url: `https://github.com/orgs/${team.org}/teams/${team.slug}`,
      name: team.name,
      slug: team.slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${url}/members{/member}`,
      repositories_url: `${url}/repos`,
      parent: null,
      members_count: team.members.size,
      repos_count: 0,
      created_at: '2024-01-08T09:00:00Z',
      updated_at: '2024-01-08T09:00:00Z',
      organization: {
        login: team.org,
        id: this.idOf(team.org),
        url: `${this.apiUrl}/orgs/${team.org}`,
        html_url: `https://github.com/${team.org}`,
        type: 'Organization',
      },
    };
  }

  repository(repo: RepoState, template: Json = part('pull_request', 'opened', 'repository')): Json {
    return {
      ...template,
      id: repo.id,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      private: false,
      owner: this.user(repo.owner, template.owner as Json),
      html_url: this.html(repo),
      url: this.api(repo),
      default_branch: repo.defaultBranch,
    };
  }

  /** Someone's fork of the repository: the head repository of a pull request from a fork. */
  private fork(repo: RepoState, fullName: string): Json {
    const [owner, name] = fullName.split('/') as [string, string];
    return {
      ...this.repository(repo),
      id: repo.id * 1000 + (this.idOf(owner) % 1000),
      name,
      full_name: fullName,
      owner: this.user(owner),
      html_url: `https://github.com/${fullName}`,
      url: `${this.apiUrl}/repos/${fullName}`,
      fork: true,
    };
  }

  pull(repo: RepoState, pr: PullState): Json {
    const template = part('pull_request', 'opened', 'pull_request');
    const branch = (side: Json, ref: string, sha: string, fork?: string) => {
      const owner = fork ? fork.split('/')[0]! : repo.owner;
      return {
        ...side,
        label: `${owner}:${ref}`,
        ref,
        sha,
        user: this.user(owner),
        repo: fork ? this.fork(repo, fork) : this.repository(repo),
      };
    };
    return {
      ...template,
      url: this.api(repo, `/pulls/${pr.number}`),
      html_url: this.html(repo, `/pull/${pr.number}`),
      number: pr.number,
      state: pr.state,
      title: pr.title,
      user: this.user(pr.author),
      body: null,
      created_at: iso(pr.createdAt),
      updated_at: iso(pr.updatedAt),
      closed_at: iso(pr.closedAt),
      merged_at: iso(pr.mergedAt),
      merge_commit_sha: pr.mergeCommitSha,
      draft: pr.draft,
      // Nobody enables auto-merge in the sandbox; GitHub sends null then.
      auto_merge: null,
      merged: pr.mergedAt !== null,
      merged_by: pr.mergedAt ? this.user(repo.owner) : null,
      head: branch(template.head as Json, pr.headRef, pr.headSha, pr.fork),
      base: branch(template.base as Json, pr.baseRef, repo.branches.get(pr.baseRef) ?? ''),
    };
  }

  run(repo: RepoState, run: RunState): Json {
    const template = part('workflow_run', 'completed', 'workflow_run');
    const path = `/actions/runs/${run.id}`;
    return {
      ...template,
      id: run.id,
      name: run.name,
      workflow_id: run.workflowId,
      head_sha: run.headSha,
      head_branch: run.headBranch,
      event: run.event,
      status: run.status,
      conclusion: run.conclusion,
      run_number: run.runNumber,
      run_attempt: 1,
      previous_attempt_url: null,
      display_title: this.displayTitle(repo, run),
      path: `.github/workflows/${run.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yml`,
      pull_requests: run.pullRequestNumbers.map((number) => ({
        id: repo.id * 100_000 + number,
        number,
        url: this.api(repo, `/pulls/${number}`),
        head: { ref: run.headBranch, sha: run.headSha, repo: this.repoRef(repo) },
        base: {
          ref: repo.defaultBranch,
          sha: repo.branches.get(repo.defaultBranch),
          repo: this.repoRef(repo),
        },
      })),
      created_at: iso(run.createdAt),
      updated_at: iso(run.updatedAt),
      run_started_at: iso(run.runStartedAt),
      url: this.api(repo, path),
      html_url: this.html(repo, path),
      jobs_url: this.api(repo, `${path}/jobs`),
      artifacts_url: this.api(repo, `${path}/artifacts`),
      logs_url: this.api(repo, `${path}/logs`),
      head_commit: { ...(template.head_commit as Json), id: run.headSha, tree_id: run.headSha },
      repository: this.repository(repo, template.repository as Json),
      head_repository: this.headRepository(repo, run, template.head_repository as Json),
    };
  }

  /** The short form of a repository a run's pull request refs carry. */
  private repoRef(repo: RepoState): Json {
    return { id: repo.id, url: this.api(repo), name: repo.name };
  }

  /** GitHub titles a run after its pull request, else after the head commit's first line. */
  private displayTitle(repo: RepoState, run: RunState): string {
    const pr = run.pullRequestNumbers.map((n) => repo.pulls.get(n)).find(Boolean);
    if (pr) return pr.title;
    return (repo.commits.get(run.headSha)?.message ?? run.name).split('\n')[0]!;
  }

  /** A fork's run names the fork as its head repository, as GitHub does. */
  private headRepository(repo: RepoState, run: RunState, template: Json): Json {
    const own = this.repository(repo, template);
    if (!run.fork) return own;
    const [owner = '', name = ''] = run.fork.split('/');
    return {
      ...own,
      id: repo.id + 1_000_000,
      name,
      full_name: run.fork,
      fork: true,
      owner: this.user(owner),
    };
  }

  job(repo: RepoState, job: JobState, run: RunState): Json {
    const template = part('workflow_job', 'completed', 'workflow_job');
    return {
      ...template,
      id: job.id,
      run_id: job.runId,
      run_attempt: 1,
      run_url: this.api(repo, `/actions/runs/${run.id}`),
      url: this.api(repo, `/actions/jobs/${job.id}`),
      html_url: this.html(repo, `/actions/runs/${run.id}/job/${job.id}`),
      head_sha: run.headSha,
      head_branch: run.headBranch,
      workflow_name: run.name,
      name: job.name,
      status: job.status,
      conclusion: job.conclusion,
      created_at: iso(job.createdAt),
      started_at: iso(job.startedAt ?? job.createdAt),
      completed_at: iso(job.completedAt),
      steps: [],
    };
  }

  artifact(repo: RepoState, artifact: ArtifactState, run: RunState, now: Date): Json {
    const expired = artifact.expiresAt.getTime() <= now.getTime();
    const path = `/actions/artifacts/${artifact.id}`;
    return {
      id: artifact.id,
      node_id: `MDg6QXJ0aWZhY3Q${artifact.id}`,
      name: artifact.name,
      size_in_bytes: artifact.sizeInBytes,
      url: this.api(repo, path),
      archive_download_url: this.api(repo, `${path}/zip`),
      expired,
      digest: null,
      created_at: iso(artifact.createdAt),
      updated_at: iso(artifact.createdAt),
      expires_at: iso(artifact.expiresAt),
      workflow_run: {
        id: run.id,
        repository_id: repo.id,
        head_repository_id: run.fork ? repo.id + 1_000_000 : repo.id,
        head_branch: run.headBranch,
        head_sha: run.headSha,
      },
    };
  }

  comment(repo: RepoState, comment: CommentState): Json {
    return {
      ...part('issue_comment', 'created', 'comment'),
      id: comment.id,
      url: this.api(repo, `/issues/comments/${comment.id}`),
      html_url: this.html(repo, `/pull/${comment.issueNumber}#issuecomment-${comment.id}`),
      issue_url: this.api(repo, `/issues/${comment.issueNumber}`),
      body: comment.body,
      user: this.user(comment.author),
      created_at: iso(comment.createdAt),
      updated_at: iso(comment.updatedAt),
    };
  }

  status(repo: RepoState, status: StatusState, creator: string): Json {
    return {
      url: this.api(repo, `/statuses/${status.sha}`),
      id: status.id,
      node_id: `MDEzOlN0YXR1c0NvbnRleHQ${status.id}`,
      state: status.state,
      description: status.description,
      target_url: status.targetUrl,
      context: status.context,
      created_at: iso(status.createdAt),
      updated_at: iso(status.createdAt),
      avatar_url: this.user(creator).avatar_url,
      creator: this.user(creator),
    };
  }
}
