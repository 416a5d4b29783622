import { ProviderError } from '../errors';
import type { GitHubConfig } from './config';
import { type EtagCache, MemoryEtagCache } from './etag-cache';
import { githubCall } from './errors';
import { emptyUsage } from './instrumented-fetch';
import { toArtifact, toComparedCommit, toPullRequest, toWorkflowJob, toWorkflowRun } from './map';
import { createOctokit, DEFAULT_RETRY, type RetryPolicy } from './octokit';
import { searchDate } from './search-date';
import type { GitHubClient } from './types';

export interface GitHubClientOptions extends GitHubConfig {
  /** Per HTTP attempt. GitHub answers list calls in well under a second. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  etagCache?: EtagCache;
  /** Where Octokit reports failed attempts; the console unless told. */
  log?: Pick<Console, 'warn' | 'error'>;
  /** Sends the API's requests; the global fetch unless a test records them. */
  fetch?: typeof fetch;
}

const PER_PAGE = 100;

/** The production GitHub client: Octokit with retry, throttling, ETags and usage counting. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const usage = emptyUsage();
  const octokit = createOctokit({
    token: options.token,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    cache: options.etagCache ?? new MemoryEtagCache(),
    usage,
    log: options.log ?? console,
    fetch: options.fetch,
  });
  const repo = { owner: options.owner, repo: options.repo };
  let login: Promise<string> | undefined;
  /**
   * Who envboard writes as: a GitHub App's bot (`<slug>[bot]`), else the token's user from
   * `GET /user` (https://docs.github.com/en/rest/users/users#get-the-authenticated-user), asked
   * once per client and asked again after a failure.
   */
  const ownLogin = (): Promise<string> => {
    if (options.appSlug) return Promise.resolve(`${options.appSlug}[bot]`);
    login ??= octokit.rest.users.getAuthenticated().then(
      ({ data }) => data.login,
      (error: unknown) => {
        login = undefined;
        throw error;
      },
    );
    return login;
  };

  return {
    listPullRequests: ({ state, since }) =>
      githubCall('listPullRequests', () =>
        // Newest-updated first, so paging stops at the first page older than `since`.
        octokit.paginate(
          octokit.rest.pulls.list,
          { ...repo, state, sort: 'updated', direction: 'desc', per_page: PER_PAGE },
          (response, done) => {
            const fresh = since
              ? response.data.filter((pr) => new Date(pr.updated_at) >= since)
              : response.data;
            if (fresh.length < response.data.length) done();
            return fresh.map(toPullRequest);
          },
        ),
      ),

    getPullRequest: (number) =>
      githubCall('getPullRequest', async () => {
        const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
        return toPullRequest(data);
      }),

    listWorkflowRuns: ({ since, branch, headSha } = {}) =>
      githubCall('listWorkflowRuns', async () => {
        const runs = await octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, {
          ...repo,
          per_page: PER_PAGE,
          ...(since && { created: `>=${searchDate(since)}` }),
          ...(branch && { branch }),
          ...(headSha && { head_sha: headSha }),
        });
        return runs.map(toWorkflowRun);
      }),

    listWorkflowJobs: (runId) =>
      githubCall('listWorkflowJobs', async () => {
        const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
          ...repo,
          run_id: runId,
          filter: 'latest',
          per_page: PER_PAGE,
        });
        return jobs.map(toWorkflowJob);
      }),

    compareCommits: (base, head) =>
      githubCall('compareCommits', async () => {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
          ...repo,
          basehead: `${base}...${head}`,
        });
        return {
          status: data.status,
          aheadBy: data.ahead_by,
          behindBy: data.behind_by,
          commits: data.commits.map(toComparedCommit),
          files: (data.files ?? []).map(({ filename, status }) => ({ filename, status })),
          htmlUrl: data.html_url,
        };
      }),

    listRunArtifacts: (runId, name) =>
      githubCall('listRunArtifacts', async () => {
        const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
          ...repo,
          run_id: runId,
          per_page: PER_PAGE,
          ...(name && { name }),
        });
        return artifacts.map(toArtifact);
      }),

    downloadArtifact: (artifactId) =>
      githubCall('downloadArtifact', async () => {
        // Not followed by fetch: the signed URL is fetched apart, so the token never leaves for
        // blob storage and the zip bypasses the ETag cache, which keeps text.
        const { headers } = await octokit.rest.actions.downloadArtifact({
          ...repo,
          artifact_id: artifactId,
          archive_format: 'zip',
          request: { redirect: 'manual' },
        });
        if (!headers.location) throw new Error('GitHub gave no download location for the artifact');
        return downloadFrom(headers.location, options.timeoutMs ?? 10_000);
      }),

    ownLogin: () => githubCall('ownLogin', ownLogin),

    createOrUpdateIssueComment: (issueNumber, marker, text) =>
      githubCall('createOrUpdateIssueComment', async () => {
        const body = text.includes(marker) ? text : `${marker}\n${text}`;
        const [comments, login] = await Promise.all([
          octokit.paginate(octokit.rest.issues.listComments, {
            ...repo,
            issue_number: issueNumber,
            per_page: PER_PAGE,
          }),
          ownLogin(),
        ]);
        // Anyone can paste the marker into a comment: only envboard's own comment is its to edit.
        const existing = comments.find(
          (comment) =>
            comment.user?.login.toLowerCase() === login.toLowerCase() &&
            comment.body?.includes(marker),
        );
        if (existing) {
          const { data } = await octokit.rest.issues.updateComment({
            ...repo,
            comment_id: existing.id,
            body,
          });
          return { id: data.id, htmlUrl: data.html_url, created: false };
        }
        const { data } = await octokit.rest.issues.createComment({
          ...repo,
          issue_number: issueNumber,
          body,
        });
        return { id: data.id, htmlUrl: data.html_url, created: true };
      }),

    createCommitStatus: (sha, status) =>
      githubCall('createCommitStatus', async () => {
        await octokit.rest.repos.createCommitStatus({
          ...repo,
          sha,
          state: status.state,
          context: status.context,
          ...(status.description !== undefined && { description: status.description }),
          ...(status.targetUrl !== undefined && { target_url: status.targetUrl }),
        });
      }),

    listTeamMembers: (org, teamSlug) =>
      githubCall('listTeamMembers', async () => {
        const members = await octokit.paginate(octokit.rest.teams.listMembersInOrg, {
          org,
          team_slug: teamSlug,
          per_page: PER_PAGE,
        });
        return members.map((member) => ({ id: member.id, login: member.login }));
      }),

    getRepositoryAccess: () =>
      githubCall('getRepositoryAccess', async () => {
        const { data } = await octokit.rest.repos.get(repo);
        const permissions = data.permissions
          ? {
              admin: data.permissions.admin,
              push: data.permissions.push,
              pull: data.permissions.pull,
            }
          : null;
        return { fullName: data.full_name, permissions };
      }),

    listRepositoryHooks: () =>
      githubCall('listRepositoryHooks', async () => {
        const hooks = await octokit.paginate(octokit.rest.repos.listWebhooks, {
          ...repo,
          per_page: PER_PAGE,
        });
        return hooks.map((hook) => ({
          id: hook.id,
          active: hook.active,
          events: hook.events,
          url: hook.config.url ?? null,
          lastResponse: {
            code: hook.last_response.code,
            status: hook.last_response.status,
            message: hook.last_response.message,
          },
        }));
      }),

    usage: () => ({ ...usage }),
  };
}

/** Blob storage answers a signed URL with the bytes; anything else is a failed download. */
async function downloadFrom(url: string, timeoutMs: number): Promise<Uint8Array> {
  // A zip of reports can take longer than one API answer: allow several per-attempt timeouts.
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs * 6) });
  if (!response.ok) {
    throw new ProviderError({
      provider: 'github',
      operation: 'downloadArtifact',
      status: response.status,
      message: `${response.status} from the artifact's download URL`,
    });
  }
  return new Uint8Array(await response.arrayBuffer());
}
