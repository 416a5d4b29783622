import { exampleOf, type Json } from './examples';
import type { Commit, JobState, PullState, RepoState, RunState, StatusState } from './state';
import { iso, type Wire } from './wire';

/**
 * Webhook payloads: GitHub's own example for the event and action, with the emulator's state
 * laid over the parts envboard reads. Actions with no shipped example borrow the nearest one.
 */
function base(
  wire: Wire,
  repo: RepoState,
  event: string,
  action: string | undefined,
  sender: string,
) {
  let template: Json;
  try {
    template = exampleOf(event, action);
  } catch {
    template = exampleOf(event);
  }
  const payload: Json = {
    ...template,
    repository: wire.repository(repo, template.repository as Json),
    sender: wire.user(sender, template.sender as Json),
  };
  if (action !== undefined) payload.action = action;
  if (template.organization) {
    payload.organization = { ...(template.organization as Json), login: repo.owner };
  }
  delete payload.installation;
  return payload;
}

export function pullRequestPayload(
  wire: Wire,
  repo: RepoState,
  pr: PullState,
  action: string,
  extra: Json = {},
): Json {
  return {
    ...base(wire, repo, 'pull_request', action, pr.author),
    number: pr.number,
    pull_request: wire.pull(repo, pr),
    ...extra,
  };
}

export function pushPayload(
  wire: Wire,
  repo: RepoState,
  push: { branch: string; before: string; after: string; commits: Commit[]; pusher: string },
): Json {
  const { branch, before, after, commits, pusher } = push;
  const commitJson = (commit: Commit) => ({
    id: commit.sha,
    tree_id: commit.sha,
    distinct: true,
    message: commit.message,
    timestamp: iso(commit.at),
    url: `https://github.com/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    author: { name: pusher, email: `${pusher}@users.noreply.github.com`, username: pusher },
    committer: { name: pusher, email: `${pusher}@users.noreply.github.com`, username: pusher },
    added: [],
    removed: [],
    modified: [],
  });
  return {
    ...base(wire, repo, 'push', undefined, pusher),
    ref: `refs/heads/${branch}`,
    before,
    after,
    created: /^0+$/.test(before),
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${repo.owner}/${repo.name}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: commits.map(commitJson),
    head_commit: commits.length > 0 ? commitJson(commits[commits.length - 1] as Commit) : null,
    pusher: { name: pusher, email: `${pusher}@users.noreply.github.com` },
  };
}

export function workflowRunPayload(
  wire: Wire,
  repo: RepoState,
  run: RunState,
  action: string,
): Json {
  const payload = base(wire, repo, 'workflow_run', action, repo.owner);
  return {
    ...payload,
    workflow: { ...(payload.workflow as Json), id: run.workflowId, name: run.name },
    workflow_run: wire.run(repo, run),
  };
}

export function workflowJobPayload(
  wire: Wire,
  repo: RepoState,
  job: JobState,
  run: RunState,
  action: string,
): Json {
  return {
    ...base(wire, repo, 'workflow_job', action, repo.owner),
    workflow_job: wire.job(repo, job, run),
  };
}

export function statusPayload(
  wire: Wire,
  repo: RepoState,
  status: StatusState,
  actor: string,
): Json {
  const branches = [...repo.branches.entries()]
    .filter(([, sha]) => sha === status.sha)
    .map(([name]) => ({ name, commit: { sha: status.sha }, protected: false }));
  const payload = base(wire, repo, 'status', undefined, actor);
  return {
    ...payload,
    commit: { ...(payload.commit as Json), sha: status.sha },
    id: status.id,
    sha: status.sha,
    name: `${repo.owner}/${repo.name}`,
    context: status.context,
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    branches,
    created_at: iso(status.createdAt),
    updated_at: iso(status.createdAt),
  };
}
