/**
 * What staging adds over production before a promotion: its commits (from GitHub's compare,
 * https://docs.github.com/en/rest/commits/commits#compare-two-commits) with the pull requests
 * they belong to, the migration files they change, and the test runs on staging's exact commit.
 */

/** A commit staging has and production does not, with its pull request when one is known. */
export interface DiffCommit {
  sha: string;
  /** The first line of its message. */
  title: string;
  author: string;
  htmlUrl: string;
  pullRequest: { number: number; title: string; htmlUrl: string | null } | null;
}

export interface DiffTestRun {
  id: number;
  suite: string;
  status: string;
  passed: number;
  failed: number;
  flaky: number;
  startedAt: Date;
}

export type PromotionDiff =
  | { state: 'same'; baseSha: string; headSha: string }
  | {
      state: 'ahead';
      baseSha: string;
      headSha: string;
      htmlUrl: string;
      commits: DiffCommit[];
      /** Commits GitHub did not list (it lists at most 250). */
      unlisted: number;
      migrations: string[];
      testRuns: DiffTestRun[];
    }
  | { state: 'unavailable'; reason: string };

/**
 * A migration file: anything under a folder named `migrations` (drizzle's `db/migrations`,
 * Prisma's `prisma/migrations`, Supabase's `supabase/migrations`, Rails' `db/migrate` aside).
 */
export function isMigrationFile(path: string): boolean {
  return /(^|\/)migrations\//.test(path);
}

/**
 * The pull request a commit message names: GitHub's squash title "Title (#123)" or its merge
 * commit "Merge pull request #123 from …"; undefined when it names none.
 */
export function pullRequestNumberIn(message: string): number | undefined {
  const title = message.split('\n', 1)[0] ?? '';
  const found = /\(#(\d+)\)\s*$/.exec(title) ?? /^Merge pull request #(\d+)\b/.exec(title);
  return found ? Number(found[1]) : undefined;
}

export const commitTitleOf = (message: string) => message.split('\n', 1)[0] ?? '';
