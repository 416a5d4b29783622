import type { TestSuite } from '@/lib/domain/test-runs';
import { DAY } from './clock';
import { assertionMessage } from './failure-messages';
import { clamp, type Random } from './random';
import { TEST_CATALOG } from './test-catalog';
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
const COVERAGE_BASE: Partial<Record<TestSuite, number>> = { unit: 78, integration: 71 };

/** One suite's report: every test in the catalog, with a real failure when `failing` is set. */
export function runSuite(random: Random, suite: TestSuite, at: number, failing: boolean): SuiteRun {
  const catalog = TEST_CATALOG[suite];
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
    if (spec.flaky && random.chance(spec.flaky.rate)) {
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
    coveragePct: coverage(random, suite, at),
  };
}

/** Coverage drifts slowly as code and tests land, and wobbles a little between commits. */
function coverage(random: Random, suite: TestSuite, at: number): number | undefined {
  const base = COVERAGE_BASE[suite];
  if (base === undefined) return undefined;
  const days = at / DAY;
  const drift =
    3.5 * Math.sin((2 * Math.PI * days) / 41 + base) + 1.2 * Math.sin((2 * Math.PI * days) / 9);
  return Math.round(clamp(base + drift + random.normal(0, 0.4), 70, 85) * 100) / 100;
}
