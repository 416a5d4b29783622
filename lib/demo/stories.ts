import { DAY, HOUR, MINUTE, startOfUtcDay } from './clock';
import type { Random } from './random';

/*
 * The things that happened to the team over the quarter, each placed in time from its own
 * random stream: a preview that burned compute all weekend, a week of slow CI, and a flaky test
 * that got worse until someone fixed it. The pull requests that caused or fixed them are drafted
 * in story-pull-requests.ts; costs, CI and tests read the windows below.
 */

/** A preview whose page re-fetched in a loop, keeping its functions and database busy. */
export interface RunawayPreview {
  openedAt: number;
  /** The push whose build started the loop. */
  loopPushAt: number;
  /** The loop runs from the moment that build was live… */
  from: number;
  /** …until the build of the fix pushed on Monday morning replaced it. */
  to: number;
  fixPushAt: number;
  mergedAt: number;
}

/** A runner image update dropped the dependency cache: every job reinstalled from scratch. */
export interface SlowCi {
  from: number;
  fixOpenedAt: number;
  /** The fix's merge: from then on, CI (pull requests included) uses the fixed workflow. */
  fixedAt: number;
}

/** One end-to-end test that flaked more and more often, until a fix made it wait properly. */
export interface FlakyTestStory {
  name: string;
  /** When it started flaking, and how often it flakes just before the fix. */
  since: number;
  peakRate: number;
  fixOpenedAt: number;
  fixedAt: number;
}

export interface DemoStories {
  runawayPreview: RunawayPreview;
  slowCi: SlowCi;
  flakyTest: FlakyTestStory;
}

export const FLAKY_TEST_NAME = 'checkout › pays with a saved card';
const RUNAWAY_DAYS_AGO = 44;
const SLOW_CI_DAYS_AGO = 24;
const FLAKY_FIX_DAYS_AGO = 11;

export function planStories(random: Random, now: number): DemoStories {
  return {
    runawayPreview: runawayPreview(random.fork('runaway-preview'), now),
    slowCi: slowCi(random.fork('slow-ci'), now),
    flakyTest: flakyTest(random.fork('flaky-test'), now),
  };
}

function runawayPreview(random: Random, now: number): RunawayPreview {
  const friday = weekdayOnOrBefore(startOfUtcDay(now - RUNAWAY_DAYS_AGO * DAY), 5);
  const loopPushAt = friday + 15 * HOUR + random.int(10, 50) * MINUTE;
  // Vercel builds the push in two to three minutes; the loop starts once it serves.
  const from = loopPushAt + random.int(3, 5) * MINUTE;
  const fixPushAt = friday + 3 * DAY + 9 * HOUR + random.int(0, 40) * MINUTE;
  return {
    openedAt: friday - DAY + 10 * HOUR + random.int(0, 90) * MINUTE,
    loopPushAt,
    from,
    to: fixPushAt + random.int(3, 5) * MINUTE,
    fixPushAt,
    mergedAt: fixPushAt + random.int(3, 5) * HOUR,
  };
}

function slowCi(random: Random, now: number): SlowCi {
  const monday = weekdayOnOrBefore(startOfUtcDay(now - SLOW_CI_DAYS_AGO * DAY), 1);
  const fixedAt = monday + 4 * DAY + 11 * HOUR + random.int(0, 120) * MINUTE;
  return {
    from: monday + 6 * HOUR + random.int(0, 45) * MINUTE,
    fixOpenedAt: fixedAt - random.int(90, 150) * MINUTE,
    fixedAt,
  };
}

function flakyTest(random: Random, now: number): FlakyTestStory {
  const fixDay = weekdayOnOrBefore(startOfUtcDay(now - FLAKY_FIX_DAYS_AGO * DAY), 3);
  const fixedAt = fixDay + 10 * HOUR + random.int(0, 150) * MINUTE;
  return {
    name: FLAKY_TEST_NAME,
    since: now - 80 * DAY,
    peakRate: 0.45,
    fixOpenedAt: fixedAt - random.int(3, 5) * HOUR,
    fixedAt,
  };
}

/** How often the flaky test flakes at `at`: rising steadily from its start until the fix. */
export function flakeRate(story: FlakyTestStory, at: number): number {
  if (at < story.since || at >= story.fixedAt) return 0;
  return 0.02 + (story.peakRate - 0.02) * ((at - story.since) / (story.fixedAt - story.since));
}

/** The day (UTC midnight) of the given weekday (0 = Sunday) on or before `day`. */
function weekdayOnOrBefore(day: number, weekday: number): number {
  const back = (new Date(day).getUTCDay() - weekday + 7) % 7;
  return day - back * DAY;
}
