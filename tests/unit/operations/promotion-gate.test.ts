import { describe, expect, it } from 'vitest';
import {
  checkVerdict,
  type CiRunFact,
  promotionGate,
  type PromotionGateFacts,
} from '@/lib/operations/promotion-gate';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 12, minute));
const run = (overrides: Partial<CiRunFact>): CiRunFact => ({
  workflowName: 'ci',
  status: 'completed',
  conclusion: 'success',
  runAttempt: 1,
  providerCreatedAt: at(0),
  ...overrides,
});

describe('checkVerdict', () => {
  it('takes the newest CI run of the workflow, then the highest attempt', () => {
    expect(
      checkVerdict('ci', [run({ conclusion: 'failure' }), run({ providerCreatedAt: at(5) })], []),
    ).toBe('passed');
    expect(
      checkVerdict(
        'ci',
        [run({ conclusion: 'failure', runAttempt: 1 }), run({ runAttempt: 2 })],
        [],
      ),
    ).toBe('passed');
    expect(
      checkVerdict('ci', [run({}), run({ providerCreatedAt: at(5), conclusion: 'cancelled' })], []),
    ).toBe('failed');
  });

  it('counts a run still going as pending and a skipped one as not green', () => {
    expect(checkVerdict('ci', [run({ status: 'in_progress', conclusion: null })], [])).toBe(
      'pending',
    );
    expect(checkVerdict('ci', [run({ conclusion: 'skipped' })], [])).toBe('failed');
  });

  it('falls back to the newest test report of the suite, and is missing with neither', () => {
    const reports = [
      { suite: 'e2e' as const, status: 'failed' as const, startedAt: at(0) },
      { suite: 'e2e' as const, status: 'passed' as const, startedAt: at(9) },
    ];
    expect(checkVerdict('e2e', [], reports)).toBe('passed');
    expect(checkVerdict('e2e', [], reports.slice(0, 1))).toBe('failed');
    expect(checkVerdict('unit', [], reports)).toBe('missing');
  });
});

const green: PromotionGateFacts = {
  deployment: { id: 7, vercelId: 'dpl_staging', state: 'ready', commitSha: 'abcdef1234567890' },
  sourceEnvironment: { kind: 'staging', name: 'Staging' },
  production: { name: 'Production', frozenUntil: null },
  served: { id: 3, vercelId: 'dpl_live', commitSha: '0123456789abcdef' },
  dbBranch: { name: 'staging', migrationsValidatedAt: at(0) },
  requiredChecks: ['ci'],
  ciRuns: [run({})],
  testRuns: [],
};

describe('promotionGate', () => {
  it('passes a ready staging deployment with green checks and validated migrations', () => {
    expect(promotionGate(green, at(30))).toEqual([]);
  });

  it('names every precondition that does not hold', () => {
    const failures = promotionGate(
      {
        ...green,
        deployment: { ...green.deployment, state: 'error' },
        sourceEnvironment: { kind: 'preview', name: 'PR #4' },
        dbBranch: { name: 'staging', migrationsValidatedAt: null },
        production: { name: 'Production', frozenUntil: at(60) },
        ciRuns: [],
      },
      at(30),
    );
    expect(failures.map((failure) => failure.precondition)).toEqual([
      'deployment_ready',
      'deployment_on_staging',
      'required_check',
      'migrations_validated',
      'production_not_frozen',
    ]);
    expect(failures[2]).toEqual({
      precondition: 'required_check',
      check: 'ci',
      message: 'required check "ci" has not run on abcdef1',
    });
  });

  it('a freeze that has ended no longer blocks', () => {
    expect(
      promotionGate({ ...green, production: { name: 'Production', frozenUntil: at(10) } }, at(30)),
    ).toEqual([]);
  });

  it('refuses what production already serves: the same deployment, or the same commit', () => {
    const served = promotionGate(
      { ...green, served: { id: 7, vercelId: 'dpl_staging', commitSha: 'abcdef1234567890' } },
      at(30),
    );
    expect(served).toEqual([
      { precondition: 'not_already_serving', message: 'production already serves this deployment' },
    ]);
    const sameCommit = promotionGate(
      { ...green, served: { id: 3, vercelId: 'dpl_live', commitSha: 'abcdef1234567890' } },
      at(30),
    );
    expect(sameCommit).toEqual([
      {
        precondition: 'not_already_serving',
        message: 'production already serves commit abcdef1',
      },
    ]);
  });
});

describe('promotionGate and the freeze window', () => {
  const frozen = (frozenFrom: Date | null, frozenUntil: Date | null) =>
    promotionGate(
      {
        ...green,
        production: {
          name: 'Production',
          frozenFrom,
          frozenUntil,
          freezeReason: 'release week',
          frozenBy: 'rita',
        },
      },
      at(30),
    ).map((failure) => failure.message);

  it.each([
    ['inside the window', at(20), at(40), true],
    ['before a window that has not started', at(35), at(40), false],
    ['at the start of the window', at(30), at(40), true],
    ['after the window', at(10), at(20), false],
    ['with no window', null, null, false],
  ] as const)('%s', (_name, from, until, blocked) => {
    expect(frozen(from, until).length > 0).toBe(blocked);
  });

  it('says who froze production, why and until when', () => {
    expect(frozen(at(20), at(40))).toEqual([
      `Production is frozen until ${at(40).toISOString()} by @rita: release week`,
    ]);
  });
});
