import type { Database } from '@/db/client';
import { pullRequestsOfCommits, testRunsOnCommit } from '@/db/queries/promotion-diff';
import {
  commitTitleOf,
  isMigrationFile,
  type PromotionDiff,
  pullRequestNumberIn,
} from '@/lib/domain/promotion-diff';
import type { GitHubClient } from '@/lib/providers/github/types';
import { describeError } from './result';

/**
 * What promoting `headSha` (staging) over `baseSha` (production) brings: GitHub's compare for
 * the commits and files, our pull requests (by head sha, or the number a squash or merge commit
 * names) and the test runs on the head commit. A GitHub failure is a state the page shows, not
 * an error: the promotion's own gate does not depend on it.
 */
export async function loadPromotionDiff(
  db: Database,
  github: Pick<GitHubClient, 'compareCommits'>,
  projectId: number,
  { baseSha, headSha }: { baseSha: string; headSha: string },
): Promise<PromotionDiff> {
  if (baseSha === headSha) return { state: 'same', baseSha, headSha };
  let comparison;
  try {
    comparison = await github.compareCommits(baseSha, headSha);
  } catch (error) {
    return { state: 'unavailable', reason: `GitHub's compare failed: ${describeError(error)}` };
  }
  if (comparison.aheadBy === 0) return { state: 'same', baseSha, headSha };
  const shas = comparison.commits.map((commit) => commit.sha);
  const numbers = comparison.commits.flatMap((commit) => pullRequestNumberIn(commit.message) ?? []);
  const [pulls, testRuns] = await Promise.all([
    pullRequestsOfCommits(db, projectId, shas, numbers),
    testRunsOnCommit(db, projectId, headSha),
  ]);
  const bySha = new Map(pulls.map((pull) => [pull.headSha, pull]));
  const byNumber = new Map(pulls.map((pull) => [pull.number, pull]));
  return {
    state: 'ahead',
    baseSha,
    headSha,
    htmlUrl: comparison.htmlUrl,
    commits: comparison.commits.map((commit) => {
      const number = pullRequestNumberIn(commit.message);
      const pull =
        bySha.get(commit.sha) ?? (number === undefined ? undefined : byNumber.get(number));
      return {
        sha: commit.sha,
        title: commitTitleOf(commit.message),
        author: commit.author,
        htmlUrl: commit.htmlUrl,
        pullRequest: pull
          ? { number: pull.number, title: pull.title, htmlUrl: pull.htmlUrl }
          : null,
      };
    }),
    unlisted: Math.max(0, comparison.aheadBy - comparison.commits.length),
    migrations: comparison.files.map((file) => file.filename).filter(isMigrationFile),
    testRuns,
  };
}
