import { HOUR, MINUTE } from './clock';
import type { PullRequestDraft } from './pull-requests';
import type { Random } from './random';
import type { DemoStories } from './stories';
import { pickAuthor, releaseManagers, type TeamMember } from './team';
import type { ChangeTopic } from './vocabulary';

/** The branch of the pull request whose preview ran away, to find its preview once numbered. */
export const RUNAWAY_BRANCH = 'feat/prefetch-search-suggestions-as-you-type';

const topic = (type: string, scope: string, noun: string, subject: string, branch: string) => ({
  type,
  scope,
  noun,
  title: `${type}(${scope}): ${subject}`,
  branch,
});

const TOPICS = {
  runaway: topic(
    'feat',
    'search',
    'search suggestions',
    'prefetch search suggestions as you type',
    RUNAWAY_BRANCH,
  ),
  cacheFix: topic(
    'fix',
    'ci',
    'dependency cache',
    'key the dependency cache on the lockfile again',
    'fix/ci-dependency-cache-key',
  ),
  flakyFix: topic(
    'test',
    'checkout',
    'saved cards',
    'wait for the payment sheet before paying with a saved card',
    'test/checkout-saved-card-wait',
  ),
} satisfies Record<string, ChangeTopic>;

/** The pull requests behind the stories: the one that ran away, and the two fixes. */
export function storyDrafts(
  random: Random,
  stories: DemoStories,
  team: readonly TeamMember[],
  taken: Set<string>,
): PullRequestDraft[] {
  for (const { title, branch } of Object.values(TOPICS)) taken.add(title).add(branch);
  const { runawayPreview: runaway, slowCi, flakyTest } = stories;
  return [
    {
      topic: TOPICS.runaway,
      author: pickAuthor(random, team),
      openedAt: runaway.openedAt,
      closedAt: runaway.mergedAt,
      merged: true,
      pushTimes: [runaway.openedAt, runaway.loopPushAt, runaway.fixPushAt],
      messages: [
        TOPICS.runaway.title,
        'feat(search): refetch suggestions when the results change',
        'fix(search): stop refetching suggestions on every render',
      ],
      scripted: true,
    },
    {
      topic: TOPICS.cacheFix,
      author: random.pick(releaseManagers(team)),
      openedAt: slowCi.fixOpenedAt,
      closedAt: slowCi.fixedAt,
      merged: true,
      pushTimes: [slowCi.fixOpenedAt, slowCi.fixOpenedAt + random.int(25, 50) * MINUTE],
      messages: [TOPICS.cacheFix.title, 'fix(ci): restore the Playwright browsers cache too'],
      scripted: true,
    },
    {
      topic: TOPICS.flakyFix,
      author: pickAuthor(random, team),
      openedAt: flakyTest.fixOpenedAt,
      closedAt: flakyTest.fixedAt,
      merged: true,
      pushTimes: [flakyTest.fixOpenedAt, flakyTest.fixOpenedAt + random.int(1, 2) * HOUR],
      messages: [TOPICS.flakyFix.title, 'test(checkout): drop the fixed sleep'],
      scripted: true,
    },
  ];
}
