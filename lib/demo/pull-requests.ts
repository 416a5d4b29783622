import {
  DAY,
  HISTORY_DAYS,
  HOUR,
  MINUTE,
  SECOND,
  weekdaysBetween,
  workingMomentBetween,
  workingTime,
} from './clock';
import { clamp, type Random } from './random';
import { pickAuthor, type TeamMember } from './team';
import { changeTopic, type ChangeTopic } from './vocabulary';

/** A pull request before it has a number: numbers follow the order in which they were opened. */
export interface PullRequestDraft {
  topic: ChangeTopic;
  author: string;
  openedAt: number;
  closedAt?: number;
  merged: boolean;
  pushTimes: number[];
  draft?: boolean;
  pinned?: boolean;
  lastPush?: 'failing-tests' | 'failing-build';
  /** Commit messages of the pushes, when the story says what they were. */
  messages?: readonly string[];
  /** Part of a story: its builds and tests do not fail by chance. */
  scripted?: boolean;
}

interface OpenShape {
  ageDays: number;
  pushes: number;
  pinned?: boolean;
  draft?: boolean;
  lastPush?: PullRequestDraft['lastPush'];
}

/** The open pull requests, oldest first: the mix of states the board should always show. */
const OPEN_SHAPES: readonly OpenShape[] = [
  { ageDays: 23, pushes: 7, pinned: true, draft: true },
  { ageDays: 15, pushes: 6, pinned: true },
  { ageDays: 5.5, pushes: 4, lastPush: 'failing-tests' },
  { ageDays: 4, pushes: 3, lastPush: 'failing-build' },
  { ageDays: 3.2, pushes: 3 },
  { ageDays: 2.5, pushes: 2, draft: true },
  { ageDays: 1.8, pushes: 3 },
  { ageDays: 1.1, pushes: 2 },
  { ageDays: 0.6, pushes: 2 },
  { ageDays: 0.15, pushes: 1 },
];
const MIN_PUSH_GAP = 15 * MINUTE;
const QUICK_REPUSH_CHANCE = 0.05;

/** Push times in [from, until], the first at `from`; now and then a push follows within minutes. */
export function spreadPushes(random: Random, count: number, from: number, until: number): number[] {
  const times = [from];
  const candidates = Array.from({ length: count - 1 }, () =>
    workingMomentBetween(random, from, until),
  );
  for (const candidate of candidates.sort((a, b) => a - b)) {
    const previous = times[times.length - 1]!;
    const at = random.chance(QUICK_REPUSH_CHANCE)
      ? previous + random.int(60, 180) * SECOND
      : Math.max(candidate, previous + MIN_PUSH_GAP);
    if (at <= until) times.push(Math.round(at / SECOND) * SECOND);
  }
  return times;
}

export function closedDrafts(
  random: Random,
  now: number,
  team: readonly TeamMember[],
  taken: Set<string>,
  count: number,
): PullRequestDraft[] {
  // Smaller changes, more of them: the team opens about twice as many pull requests a day at
  // the end of the quarter as at its start.
  const days = weekdaysBetween(now - HISTORY_DAYS * DAY + 8 * HOUR, now - 30 * HOUR).map(
    (day) => [day, 2 - (now - day) / (HISTORY_DAYS * DAY)] as const,
  );
  return Array.from({ length: count }, () => {
    const openedAt = workingTime(random, random.weighted(days));
    const lifetime = clamp(
      random.logNormal(typicalLifetime(now, openedAt), 1),
      1.5 * HOUR,
      8 * DAY,
    );
    const latest = now - random.int(40, 180) * MINUTE;
    // Merged or closed by someone at work, close to when the change was done.
    const closedAt = Math.min(
      workingMomentBetween(random, openedAt + lifetime * 0.8, openedAt + lifetime * 1.2),
      latest,
    );
    const pushCount = random.weighted([
      [1, 18],
      [2, 26],
      [3, 22],
      [4, 16],
      [5, 10],
      [6, 8],
    ]);
    const pushTimes = spreadPushes(random, pushCount, openedAt, closedAt - 20 * MINUTE);
    return {
      topic: changeTopic(random, taken),
      author: pickAuthor(random, team),
      openedAt,
      closedAt,
      merged: random.chance(0.86),
      pushTimes,
    };
  });
}

/**
 * The team learned to ship smaller changes over the quarter: a pull request stayed open about
 * 30 hours at the start and about 5 at the end (a geometric slide in between).
 */
function typicalLifetime(now: number, openedAt: number): number {
  const progress = clamp(1 - (now - openedAt) / (HISTORY_DAYS * DAY), 0, 1);
  return 30 * HOUR * (3 / 30) ** progress;
}

export function openDrafts(
  random: Random,
  now: number,
  team: readonly TeamMember[],
  taken: Set<string>,
): PullRequestDraft[] {
  // Authors come from their own stream, so who has an open pull request does not depend on how
  // many draws the history before it took (which varies with the time of day the demo starts).
  const authors = random.fork('open-pull-request-authors');
  return OPEN_SHAPES.map((shape) => {
    const author = pickAuthor(authors, team);
    const age = shape.ageDays * DAY;
    const openedAt = workingMomentBetween(random, now - age * 1.2, now - age * 0.85);
    // Pinned previews are long-lived but still worked on; the others saw a push recently.
    const lastPush = shape.pinned
      ? workingMomentBetween(random, now - 40 * HOUR, now - 3 * HOUR)
      : workingMomentBetween(random, (openedAt + now) / 2, now - 30 * MINUTE);
    const lastPushAt = Math.round(lastPush / SECOND) * SECOND;
    const pushTimes =
      shape.pushes === 1
        ? [openedAt]
        : [
            ...spreadPushes(random, shape.pushes - 1, openedAt, lastPushAt - MIN_PUSH_GAP),
            lastPushAt,
          ];
    return {
      topic: changeTopic(random, taken),
      author,
      openedAt,
      merged: false,
      pushTimes,
      draft: shape.draft,
      pinned: shape.pinned,
      lastPush: shape.lastPush,
    };
  });
}
