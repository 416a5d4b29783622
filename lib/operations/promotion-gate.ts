import type { CiRun, Deployment, DbBranch, Environment, TestRun } from '@/db/schema';
import { freezePhase, freezeWho } from '@/lib/domain/freeze';
import type { PreconditionFailure } from './result';

/**
 * The promotion gate, pure so it tests in milliseconds.
 *
 * What "green" means for a required check name on a commit:
 * - when CI runs of a workflow with that name exist for the exact commit, the newest one (then
 *   the highest attempt) decides: completed with conclusion `success` is green; still queued or
 *   running is pending; any other conclusion (failure, cancelled, timed_out, skipped) is red;
 * - otherwise, when test reports of a suite with that name exist for the commit, the newest one
 *   decides: `passed` is green (flaky cases that passed on retry do not make it red);
 * - with neither, the check is missing, which is not green.
 */

export type CheckVerdict = 'passed' | 'failed' | 'pending' | 'missing';

export type CiRunFact = Pick<
  CiRun,
  'workflowName' | 'status' | 'conclusion' | 'runAttempt' | 'providerCreatedAt'
>;
export type TestRunFact = Pick<TestRun, 'suite' | 'status' | 'startedAt'>;

export function checkVerdict(
  name: string,
  ciRuns: readonly CiRunFact[],
  testRuns: readonly TestRunFact[],
): CheckVerdict {
  const runs = ciRuns
    .filter((run) => run.workflowName === name)
    .sort(
      (a, b) =>
        b.providerCreatedAt.getTime() - a.providerCreatedAt.getTime() ||
        b.runAttempt - a.runAttempt,
    );
  const latestRun = runs[0];
  if (latestRun) {
    if (latestRun.status !== 'completed') return 'pending';
    return latestRun.conclusion === 'success' ? 'passed' : 'failed';
  }
  const reports = testRuns
    .filter((run) => run.suite === name)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const latestReport = reports[0];
  if (latestReport) return latestReport.status === 'passed' ? 'passed' : 'failed';
  return 'missing';
}

const VERDICT_WORDS: Record<Exclude<CheckVerdict, 'passed'>, string> = {
  failed: 'failed',
  pending: 'has not finished',
  missing: 'has not run',
};

export interface PromotionGateFacts {
  deployment: Pick<Deployment, 'id' | 'vercelId' | 'state' | 'commitSha'>;
  sourceEnvironment: Pick<Environment, 'kind' | 'name'>;
  production:
    | (Pick<Environment, 'frozenUntil' | 'name'> &
        Partial<Pick<Environment, 'frozenFrom' | 'freezeReason' | 'frozenBy'>>)
    | undefined;
  /** The deployment production serves now, if any. */
  served: Pick<Deployment, 'id' | 'vercelId' | 'commitSha'> | undefined;
  dbBranch: Pick<DbBranch, 'name' | 'migrationsValidatedAt'> | undefined;
  requiredChecks: readonly string[];
  ciRuns: readonly CiRunFact[];
  testRuns: readonly TestRunFact[];
}

/** Every precondition of a promotion that does not hold, each named; empty when all hold. */
export function promotionGate(facts: PromotionGateFacts, now: Date): PreconditionFailure[] {
  const failures: PreconditionFailure[] = [];
  const commit = facts.deployment.commitSha.slice(0, 7);
  if (facts.deployment.state !== 'ready') {
    failures.push({
      precondition: 'deployment_ready',
      message: `the deployment is ${facts.deployment.state}, not ready`,
    });
  }
  if (facts.sourceEnvironment.kind !== 'staging') {
    failures.push({
      precondition: 'deployment_on_staging',
      message: `the deployment is on ${facts.sourceEnvironment.name}, not on staging`,
    });
  }
  for (const check of facts.requiredChecks) {
    const verdict = checkVerdict(check, facts.ciRuns, facts.testRuns);
    if (verdict === 'passed') continue;
    failures.push({
      precondition: 'required_check',
      check,
      message: `required check "${check}" ${VERDICT_WORDS[verdict]} on ${commit}`,
    });
  }
  if (!facts.dbBranch) {
    failures.push({
      precondition: 'migrations_validated',
      message: `${facts.sourceEnvironment.name} has no database branch whose migrations were validated`,
    });
  } else if (!facts.dbBranch.migrationsValidatedAt) {
    failures.push({
      precondition: 'migrations_validated',
      message: `migrations are not validated on database branch ${facts.dbBranch.name}`,
    });
  }
  const served = facts.served;
  if (served && isSameRelease(facts.deployment, served)) {
    failures.push({
      precondition: 'not_already_serving',
      message:
        served.id === facts.deployment.id || served.vercelId === facts.deployment.vercelId
          ? 'production already serves this deployment'
          : `production already serves commit ${commit}`,
    });
  }
  if (!facts.production) {
    failures.push({
      precondition: 'production_environment',
      message: 'the project has no production environment',
    });
  } else if (isFrozen(facts.production, now)) {
    const { name, frozenUntil } = facts.production;
    failures.push({
      precondition: 'production_not_frozen',
      message: `${name} is frozen until ${frozenUntil!.toISOString()}${freezeWho({
        freezeReason: facts.production.freezeReason ?? null,
        frozenBy: facts.production.frozenBy ?? null,
      })}`,
    });
  }
  return failures;
}

/** Inside the freeze window: a window that has not started yet does not block. */
function isFrozen(production: NonNullable<PromotionGateFacts['production']>, now: Date): boolean {
  return (
    freezePhase(
      { frozenFrom: production.frozenFrom ?? null, frozenUntil: production.frozenUntil },
      now,
    ) === 'active'
  );
}

/**
 * Promoting what production already serves changes nothing but the audit log: the same
 * deployment, or another build of the same commit.
 */
export function isSameRelease(
  deployment: Pick<Deployment, 'id' | 'vercelId' | 'commitSha'>,
  served: Pick<Deployment, 'id' | 'vercelId' | 'commitSha'>,
): boolean {
  return (
    deployment.id === served.id ||
    deployment.vercelId === served.vercelId ||
    deployment.commitSha === served.commitSha
  );
}
