import type { DeploymentSource, DeploymentState } from './deployments';
import type { SuiteResult, TestVerdict } from './previews';
import { TEST_SUITES } from './test-runs';

/** Rules behind the overview's widgets: pure, so they test in milliseconds. */

/** A GitHub Actions workflow run's status and conclusion, as envboard stores them. */
export const CI_RUN_STATUSES = ['queued', 'in_progress', 'completed'] as const;
export type CiRunStatus = (typeof CI_RUN_STATUSES)[number];
export const CI_CONCLUSIONS = ['success', 'failure', 'cancelled', 'skipped', 'timed_out'] as const;
export type CiConclusion = (typeof CI_CONCLUSIONS)[number];

export interface CommitChecks {
  /** The newest CI run on the commit. */
  ci: {
    workflowName: string;
    status: CiRunStatus;
    conclusion: CiConclusion | null;
    htmlUrl: string | null;
  } | null;
  /** The newest run of each suite on the commit. */
  tests: Pick<SuiteResult, 'suite' | 'status' | 'runId' | 'failed' | 'flaky'>[];
}

/** What production or staging serves now, and its newest deployment when that is something else. */
export interface ServingEnvironment {
  id: number;
  slug: string;
  name: string;
  url: string | null;
  current: {
    state: DeploymentState;
    source: DeploymentSource;
    commitSha: string;
    commitMessage: string;
    commitAuthor: string;
    createdAt: Date;
  } | null;
  latest: { state: DeploymentState; commitSha: string; createdAt: Date } | null;
  /** The checks on the served commit; null when nothing is served. */
  checks: CommitChecks | null;
}

export type ChecksVerdict = 'passed' | 'failed' | 'running' | 'none';

/**
 * Green only when CI finished successfully (or did not run) and every suite that reported on the
 * commit passed; red as soon as either says otherwise; running while CI is.
 */
export function checksVerdict({ ci, tests }: CommitChecks): ChecksVerdict {
  const ciFailed =
    ci?.status === 'completed' && ci.conclusion !== 'success' && ci.conclusion !== 'skipped';
  if (ciFailed || tests.some((run) => run.status === 'failed')) return 'failed';
  if (ci && ci.status !== 'completed') return 'running';
  if (!ci && tests.length === 0) return 'none';
  return 'passed';
}

export function sortSuites<Run extends { suite: SuiteResult['suite'] }>(
  runs: readonly Run[],
): Run[] {
  return [...runs].sort((a, b) => TEST_SUITES.indexOf(a.suite) - TEST_SUITES.indexOf(b.suite));
}

export interface PreviewHealthInput {
  deploymentState: string | null;
  testVerdict: TestVerdict;
  expiresAt: Date | null;
}

export interface PreviewHealth {
  open: number;
  ready: number;
  building: number;
  broken: number;
  testsFailing: number;
  expiringSoon: number;
}

const DAY_MS = 86_400_000;

/** Counts for the open previews: how many serve, build, are broken, fail tests or expire soon. */
export function summarizePreviewHealth(
  previews: readonly PreviewHealthInput[],
  now: Date,
): PreviewHealth {
  const health: PreviewHealth = {
    open: previews.length,
    ready: 0,
    building: 0,
    broken: 0,
    testsFailing: 0,
    expiringSoon: 0,
  };
  for (const preview of previews) {
    if (preview.deploymentState === 'ready') health.ready += 1;
    else if (preview.deploymentState === 'building' || preview.deploymentState === 'queued')
      health.building += 1;
    else if (preview.deploymentState === 'error') health.broken += 1;
    if (preview.testVerdict === 'failed') health.testsFailing += 1;
    const left = preview.expiresAt ? preview.expiresAt.getTime() - now.getTime() : Infinity;
    if (left < DAY_MS) health.expiringSoon += 1;
  }
  return health;
}
