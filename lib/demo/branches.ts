import { DAY, HISTORY_DAYS, HOUR, MINUTE, SECOND, weekdaysBetween, workingTime } from './clock';
import { commitSha } from './ids';
import type { Random } from './random';
import { pickAuthor, type TeamMember } from './team';
import { type BadRelease, markSuperseded, type PullRequestPlan, type Push } from './timeline';
import { developMessage, SYNC_DEVELOP_MESSAGE } from './vocabulary';

export const STAGING_SLUG = 'staging';
export const DEVELOPMENT_SLUG = 'development';
export const PRODUCTION_SLUG = 'production';
export const DEVELOP_BRANCH = 'develop';

/**
 * Every merge is a squash commit on `main`, which staging builds. The history opens with one
 * commit already on main (and on develop), so every environment has something to serve from day 0.
 */
export function mainPushes(
  random: Random,
  now: number,
  pullRequests: PullRequestPlan[],
  badReleases: readonly BadRelease[],
  team: readonly TeamMember[],
): Push[] {
  const releaseMerges = new Set(badReleases.flatMap((r) => [r.culpritMergeAt, r.hotfixMergeAt]));
  const critical = (pr: PullRequestPlan) => pr.scripted || releaseMerges.has(pr.mergedAt!);
  const baseline: Push = {
    environmentSlug: STAGING_SLUG,
    target: 'staging',
    branch: 'main',
    sha: commitSha(random),
    at: now - HISTORY_DAYS * DAY,
    message: 'chore(deps): bump next, react and drizzle',
    author: team.find((person) => person.role === 'admin')!.githubLogin,
    critical: true,
  };
  const merges = pullRequests
    .filter((pr) => pr.mergedAt !== undefined)
    .map((pr): Push => {
      const merge: Push = {
        environmentSlug: STAGING_SLUG,
        target: 'staging',
        branch: 'main',
        sha: commitSha(random),
        at: pr.mergedAt! + random.int(3, 20) * SECOND,
        message: `${pr.topic.title} (#${pr.number})`,
        author: pr.author,
        topic: pr.topic,
        critical: critical(pr),
        buildFails: !critical(pr) && random.chance(0.03),
      };
      pr.merge = merge;
      return merge;
    });
  const pushes = [baseline, ...merges].sort((a, b) => a.at - b.at);
  markSuperseded(pushes);
  return pushes;
}

/** `develop` is the team's scratch branch: spikes pushed straight to it, and a weekly sync. */
export function developPushes(random: Random, now: number, team: readonly TeamMember[]): Push[] {
  const start = now - HISTORY_DAYS * DAY;
  const push = (at: number, message: string, author: string): Push => ({
    environmentSlug: DEVELOPMENT_SLUG,
    target: 'development',
    branch: DEVELOP_BRANCH,
    sha: commitSha(random),
    at,
    message,
    author,
    buildFails: random.chance(0.05),
  });
  const admin = team.find((person) => person.role === 'admin')!.githubLogin;
  const pushes: Push[] = [
    { ...push(start + 10 * MINUTE, SYNC_DEVELOP_MESSAGE, admin), buildFails: false },
  ];
  for (const day of weekdaysBetween(start + DAY, now - HOUR)) {
    const isMonday = new Date(day).getUTCDay() === 1;
    if (isMonday) pushes.push(push(workingTime(random, day, 7, 8), SYNC_DEVELOP_MESSAGE, admin));
    if (!random.chance(0.45)) continue;
    for (
      let count = random.weighted([
        [1, 7],
        [2, 3],
      ]);
      count > 0;
      count -= 1
    ) {
      const at = workingTime(random, day);
      pushes.push(push(at, developMessage(random), pickAuthor(random, team)));
    }
  }
  const past = pushes.filter((p) => p.at < now - 40 * MINUTE).sort((a, b) => a.at - b.at);
  markSuperseded(past);
  return past;
}
