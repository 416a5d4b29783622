import type { TestSuite } from '@/lib/domain/test-runs';
import { assertionMessage } from './failure-messages';
import { clamp, type Random } from './random';
import { flakeRate, type FlakyTestStory } from './stories';
import { TEST_CATALOG, type TestSpec } from './test-catalog';
import type { TestCaseRow } from './types';

export interface SuiteRun {
  cases: TestCaseRow[];
  durationMs: number;
  coveragePct?: number;
}

/** How the runner spreads the work: vitest uses the runner's 4 cores, the database tests run one at a time, Playwright uses 2 workers. */
const PARALLELISM: Record<TestSuite, number> = { unit: 4, integration: 1, e2e: 2 };
const STARTUP_MS: Record<TestSuite, readonly [number, number]> = {
  unit: [2_500, 4_500],
  integration: [4_000, 8_000],
  e2e: [6_000, 10_000],
};
/** Coverage at the start and the end of the quarter: it creeps up as tests are written. */
const COVERAGE: Partial<Record<TestSuite, readonly [number, number]>> = {
  unit: [75, 82.5],
  integration: [70.5, 76.5],
};

/** Where a run falls in the history, and the story of the test that flakes more and more. */
export interface SuiteMoment {
  at: number;
  /** 0 at the start of the history, 1 now. */
  progress: number;
  flakyTest: FlakyTestStory;
  /** The flaky test's own stream, so its changing rate does not shift other draws. */
  flakes: Random;
}

/** One suite's report: every test written by then, with a real failure when `failing` is set. */
export function runSuite(
  random: Random,
  suite: TestSuite,
  moment: SuiteMoment,
  failing: boolean,
): SuiteRun {
  const catalog = TEST_CATALOG[suite].filter((spec) => spec.addedAt <= moment.progress);
  const candidates = catalog.filter((spec) => !spec.skipped && !spec.flaky);
  const broken = new Set(failing ? random.shuffle(candidates).slice(0, random.int(1, 2)) : []);
  const cases = catalog.map((spec): TestCaseRow => {
    const base = { file: spec.file, name: spec.name };
    if (spec.skipped) return { ...base, status: 'skipped', durationMs: 0 };
    const durationMs = Math.max(1, Math.round(random.logNormal(spec.typicalMs, 0.25)));
    if (broken.has(spec)) {
      return {
        ...base,
        status: 'failed',
        durationMs,
        failureMessage: assertionMessage(random, suite),
      };
    }
    if (spec.flaky && flakes(random, spec, moment)) {
      // The first attempt ran into its timeout, the retry passed.
      const timeoutMs = suite === 'e2e' ? 10_000 : 5_000;
      return {
        ...base,
        status: 'flaky',
        durationMs: durationMs + timeoutMs,
        retries: 1,
        failureMessage: spec.flaky.message,
      };
    }
    return { ...base, status: 'passed', durationMs };
  });
  const work = cases.reduce((sum, testCase) => sum + testCase.durationMs, 0);
  const [minStartup, maxStartup] = STARTUP_MS[suite];
  return {
    cases,
    durationMs: Math.round(work / PARALLELISM[suite] + random.int(minStartup, maxStartup)),
    coveragePct: coverage(random, suite, moment.progress),
  };
}

function flakes(random: Random, spec: TestSpec, moment: SuiteMoment): boolean {
  if (spec.name === moment.flakyTest.name) {
    return moment.flakes.chance(flakeRate(moment.flakyTest, moment.at));
  }
  return random.chance(spec.flaky?.rate ?? 0);
}

/** Coverage creeps up over the quarter, and wobbles a little between commits. */
function coverage(random: Random, suite: TestSuite, progress: number): number | undefined {
  const range = COVERAGE[suite];
  if (range === undefined) return undefined;
  const [start, end] = range;
  const trend = start + (end - start) * progress;
  return Math.round(clamp(trend + random.normal(0, 0.35), 70, 85) * 100) / 100;
}
