import { CHECK_INTERVAL, DAY, HOUR, isWeekend, MINUTE, startOfUtcDay } from './clock';
import type { Random } from './random';
import { pickAuthor, releaseManagers, type TeamMember } from './team';
import type { BadRelease } from './timeline';
import { spreadPushes, type PullRequestDraft } from './pull-requests';
import { changeTopic } from './vocabulary';

/** The two releases that went wrong, days before now; the later one falls in the uptime window. */
const BAD_RELEASE_DAYS_AGO = [62, 17] as const;
/** Production answers 503 from shortly after the bad promote until the rollback. */
export const INCIDENT_START_AFTER_PROMOTE = 5 * MINUTE;
export const ROLLBACK_AFTER_PROMOTE = 28 * MINUTE;

export function planBadReleases(random: Random, now: number): BadRelease[] {
  return BAD_RELEASE_DAYS_AGO.map((daysAgo) => {
    let day = startOfUtcDay(now - daysAgo * DAY);
    while (isWeekend(day)) day -= DAY;
    // On the 5-minute mark, like the uptime checks, so the incident spans whole checks.
    const promoteAt = day + 13 * HOUR + random.int(0, 18) * CHECK_INTERVAL;
    const rollbackAt = promoteAt + ROLLBACK_AFTER_PROMOTE;
    const hotfixOpenAt = rollbackAt + random.int(12, 25) * MINUTE;
    const hotfixMergeAt = hotfixOpenAt + random.int(70, 130) * MINUTE;
    return {
      culpritMergeAt: promoteAt - random.int(150, 260) * MINUTE,
      promoteAt,
      rollbackAt,
      hotfixOpenAt,
      hotfixMergeAt,
      hotfixPromoteAt: hotfixMergeAt + random.int(45, 75) * MINUTE,
    };
  });
}

/** Each bad release has the pull request that broke production and the revert that fixed it. */
export function badReleaseDrafts(
  random: Random,
  releases: readonly BadRelease[],
  team: readonly TeamMember[],
  taken: Set<string>,
): PullRequestDraft[] {
  return releases.flatMap((release) => {
    const topic = changeTopic(random, taken);
    const openedAt = release.culpritMergeAt - random.int(20, 60) * HOUR;
    const culprit: PullRequestDraft = {
      topic,
      author: pickAuthor(random, team),
      openedAt,
      closedAt: release.culpritMergeAt,
      merged: true,
      pushTimes: spreadPushes(random, random.int(2, 3), openedAt, release.culpritMergeAt - HOUR),
      scripted: true,
    };
    const revertBranch = `revert/${topic.branch.split('/')[1]}`;
    taken.add(revertBranch);
    const hotfix: PullRequestDraft = {
      topic: { ...topic, type: 'revert', title: `revert: ${topic.title}`, branch: revertBranch },
      author: random.pick(releaseManagers(team)),
      openedAt: release.hotfixOpenAt,
      closedAt: release.hotfixMergeAt,
      merged: true,
      pushTimes: [release.hotfixOpenAt],
      scripted: true,
    };
    return [culprit, hotfix];
  });
}
