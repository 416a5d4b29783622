import type { TestSuite } from '@/lib/domain/test-runs';
import { commitSha } from './ids';
import type { PullRequestDraft } from './pull-requests';
import type { Random } from './random';
import { pickAuthor, type TeamMember } from './team';
import { markSuperseded, previewSlug, type PullRequestPlan, type Push } from './timeline';
import { fixAfterFailedBuild, fixAfterFailedTests, followUpMessage } from './vocabulary';

const FIRST_NUMBER = 1184;

/** Numbers the drafts in the order they were opened (GitHub shares numbers with issues). */
export function numberPullRequests(
  random: Random,
  drafts: readonly PullRequestDraft[],
  team: readonly TeamMember[],
): PullRequestPlan[] {
  let number = FIRST_NUMBER;
  return [...drafts]
    .sort((a, b) => a.openedAt - b.openedAt)
    .map((draft) => {
      number += random.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ]);
      const pushes = draftPushes(random, draft, number, team);
      markSuperseded(pushes);
      planFailures(random, pushes, draft);
      const closedAt = draft.closedAt;
      return {
        number,
        topic: draft.topic,
        author: draft.author,
        state: closedAt === undefined ? 'open' : draft.merged ? 'merged' : 'closed',
        draft: draft.draft ?? false,
        pinned: draft.pinned ?? false,
        openedAt: draft.openedAt,
        closedAt,
        mergedAt: draft.merged ? closedAt : undefined,
        pushes,
        scripted: draft.scripted ?? false,
        dbParent: random.chance(0.85) ? 'staging' : 'main',
      };
    });
}

function draftPushes(
  random: Random,
  draft: PullRequestDraft,
  number: number,
  team: readonly TeamMember[],
): Push[] {
  return draft.pushTimes.map((at, index) => ({
    environmentSlug: previewSlug(number),
    target: 'preview',
    branch: draft.topic.branch,
    sha: commitSha(random),
    at,
    message:
      draft.messages?.[index] ??
      (index === 0 ? draft.topic.title : followUpMessage(random, draft.topic)),
    // Now and then a reviewer pushes a fix to someone else's branch.
    author: index > 0 && random.chance(0.12) ? pickAuthor(random, team) : draft.author,
    pullRequestNumber: number,
    topic: draft.topic,
  }));
}

const FAILING_SUITES = [
  ['unit', 5],
  ['integration', 2.5],
  ['e2e', 2.5],
] as const;

/** Broken builds and real test failures on some commits, each fixed by the following push. */
function planFailures(random: Random, pushes: Push[], draft: PullRequestDraft): void {
  if (draft.scripted) return;
  const last = pushes.length - 1;
  for (let index = 0; index < last; index += 1) {
    if (!random.chance(0.06)) continue;
    pushes[index]!.buildFails = true;
    pushes[index + 1]!.message = fixAfterFailedBuild(draft.topic);
  }
  if (last >= 1 && random.chance(0.22)) {
    const index = random.int(0, last - 1);
    const push = pushes[index]!;
    if (!push.buildFails) {
      push.failingSuite = random.weighted<TestSuite>(FAILING_SUITES);
      pushes[index + 1]!.message = fixAfterFailedTests(draft.topic);
    }
  }
  if (draft.lastPush === 'failing-tests') pushes[last]!.failingSuite = 'unit';
  if (draft.lastPush === 'failing-build') pushes[last]!.buildFails = true;
}
