import type { Project } from '@/db/schema';
import type { GitHubClient, PullRequest } from '@/lib/providers/github/types';
import { applyPullRequest } from '@/lib/reconcile';
import { itemError, latest, sinceFromCursor } from './cursor';
import { emptyTally, type SyncJob } from './sync-job';

export const GITHUB_PULL_REQUESTS = 'github.pull_requests';

/**
 * Pull requests updated since the last run, newest-updated first, so paging stops at the first
 * older one. The first page's URL does not change between runs, so with its ETag an unchanged
 * repository costs one request answered 304, which GitHub does not count against the quota. A
 * first run also lists every open pull request, however long ago it was last touched.
 */
export function githubPullRequestsJob(
  clients: { github: GitHubClient },
  project: Project,
): SyncJob {
  return {
    kind: GITHUB_PULL_REQUESTS,
    callsSpent: () => clients.github.usage().requests,
    work: async ({ db, now, previousCursor }) => {
      const since = sinceFromCursor(previousCursor, now);
      const listed = await clients.github.listPullRequests({ state: 'all', since });
      const open = previousCursor ? [] : await clients.github.listPullRequests({ state: 'open' });
      const pulls = oldestUpdatedFirst([...open, ...listed]);

      const tally = emptyTally();
      const failed: Date[] = [];
      for (const pr of pulls) {
        tally.itemsSeen++;
        try {
          if ((await applyPullRequest(db, project, pr)).changed) tally.itemsChanged++;
        } catch (error) {
          tally.errors.push(itemError(`pull request #${pr.number}`, error));
          failed.push(pr.updatedAt);
        }
      }
      return { ...tally, cursor: nextCursor(pulls, failed, since).toISOString() };
    },
  };
}

/**
 * Inclusive, since GitHub's times are whole seconds and a later change can share the newest
 * one. A pull request that failed to apply holds the cursor at its time, so the next run tries
 * it again.
 */
function nextCursor(pulls: readonly PullRequest[], failed: readonly Date[], since: Date): Date {
  if (failed.length > 0) return failed.reduce((min, time) => (time < min ? time : min));
  return latest(
    pulls.map((pr) => pr.updatedAt),
    since,
  );
}

/** One copy per number, applied oldest change first so the newest lands last. */
function oldestUpdatedFirst(pulls: readonly PullRequest[]): PullRequest[] {
  const byNumber = new Map<number, PullRequest>();
  for (const pr of pulls) {
    const known = byNumber.get(pr.number);
    if (!known || pr.updatedAt > known.updatedAt) byNumber.set(pr.number, pr);
  }
  return [...byNumber.values()].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
}
