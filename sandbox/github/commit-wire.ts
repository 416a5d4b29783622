import type { Json } from './examples';
import type { compare, RepoState } from './state';
import { iso, type Wire } from './wire';

/**
 * Commits and comparisons as GitHub's REST API renders them
 * (https://docs.github.com/en/rest/commits/commits#compare-two-commits).
 */

/** A commit as the commits and compare endpoints list it; the repository's owner wrote it. */
export function commitWire(wire: Wire, repo: RepoState, sha: string): Json {
  const commit = repo.commits.get(sha);
  const author = wire.user(repo.owner);
  const gitUser = {
    name: repo.owner,
    email: `${String(author.id)}+${repo.owner}@users.noreply.github.com`,
    date: iso(commit?.at ?? null),
  };
  return {
    url: wire.api(repo, `/commits/${sha}`),
    sha,
    node_id: `C_sandbox${sha.slice(0, 12)}`,
    html_url: wire.html(repo, `/commit/${sha}`),
    comments_url: wire.api(repo, `/commits/${sha}/comments`),
    commit: {
      url: wire.api(repo, `/git/commits/${sha}`),
      author: gitUser,
      committer: gitUser,
      message: commit?.message ?? '',
      comment_count: 0,
      tree: { sha, url: wire.api(repo, `/git/trees/${sha}`) },
    },
    author,
    committer: author,
    parents: (commit?.parents ?? []).map((parent) => ({
      sha: parent,
      url: wire.api(repo, `/commits/${parent}`),
      html_url: wire.html(repo, `/commit/${parent}`),
    })),
  };
}

/**
 * `GET /repos/{owner}/{repo}/compare/{basehead}`, with the files the head's commits changed
 * (their paths and a `modified` status; no patches).
 */
export function comparisonWire(
  wire: Wire,
  repo: RepoState,
  request: { basehead: string; baseSha: string; headSha: string },
  found: ReturnType<typeof compare>,
): Json {
  const { basehead, baseSha, headSha } = request;
  const short = (sha: string) => `${repo.owner}:${sha.slice(0, 7)}`;
  return {
    url: wire.api(repo, `/compare/${basehead}`),
    html_url: wire.html(repo, `/compare/${basehead}`),
    permalink_url: wire.html(repo, `/compare/${short(baseSha)}...${short(headSha)}`),
    diff_url: wire.html(repo, `/compare/${basehead}.diff`),
    patch_url: wire.html(repo, `/compare/${basehead}.patch`),
    base_commit: commitWire(wire, repo, baseSha),
    merge_base_commit: commitWire(wire, repo, found.mergeBase),
    status: found.status,
    ahead_by: found.aheadBy,
    behind_by: found.behindBy,
    total_commits: found.aheadBy,
    // GitHub lists at most 250 commits here.
    commits: found.ahead.slice(0, 250).map((sha) => commitWire(wire, repo, sha)),
    files: [...new Set(found.ahead.flatMap((sha) => repo.commits.get(sha)?.files ?? []))].map(
      (filename) => ({
        sha: headSha,
        filename,
        status: 'modified',
        additions: 0,
        deletions: 0,
        changes: 0,
        blob_url: wire.html(repo, `/blob/${headSha}/${filename}`),
        raw_url: wire.html(repo, `/raw/${headSha}/${filename}`),
        contents_url: wire.api(repo, `/contents/${filename}?ref=${headSha}`),
      }),
    ),
  };
}
