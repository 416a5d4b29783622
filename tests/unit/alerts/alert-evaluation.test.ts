import { describe, expect, test } from 'vitest';
import type { AlertFacts, AlertFormat } from '@/lib/domain/alert-facts';
import { evaluateRule } from '@/lib/domain/alert-evaluation';
import { ALERT_RULE_LIST, alertRuleSettings, thresholdSchema } from '@/lib/domain/alert-rules';
import type { AlertRuleKey } from '@/lib/domain/alerts';
import { readBurnRates, type BurnWindow, type WindowChecks } from '@/lib/domain/burn-rate';

const now = new Date('2026-12-07T12:00:00Z');
const format: AlertFormat = {
  usd: (amount) => `$${amount.toFixed(2)}`,
  percent: (ratio) => `${Math.round(ratio * 100)} %`,
  time: (date) => date.toISOString(),
};
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

/** The subjects a rule finds firing, with its default thresholds unless given. */
function firingSubjects(
  rule: AlertRuleKey,
  facts: AlertFacts,
  thresholds: Record<string, number> = {},
): string[] {
  const settings = alertRuleSettings(rule);
  return evaluateRule(rule, {
    facts,
    thresholds: { ...settings.thresholds, ...thresholds },
    now,
    format,
  }).map((alert) => alert.subject);
}

const budget = (monthToDateUsd: number, forecastUsd = monthToDateUsd) => ({
  budget: { month: '2026-12', budgetUsd: 1000, monthToDateUsd, forecastUsd },
});

describe('budget rules', () => {
  test.each<[string, AlertFacts, Record<string, number>, string[]]>([
    ['under 75 %: nothing', budget(749.99), {}, []],
    ['at 75 %: the warning', budget(750), {}, ['2026-12:75']],
    ['past 100 %: both crossings', budget(1200), {}, ['2026-12:75', '2026-12:100']],
    ['an edited 50 % warning', budget(600), { warnPct: 50 }, ['2026-12:50']],
    ['no budget facts: nothing', {}, {}, []],
  ])('month to date, %s', (_name, facts, thresholds, expected) => {
    expect(firingSubjects('budget_month_to_date', facts, thresholds)).toEqual(expected);
  });

  test('the 100 % crossing is louder than the 75 % one', () => {
    const alerts = evaluateRule('budget_month_to_date', {
      facts: budget(1200),
      thresholds: { warnPct: 75, overPct: 100 },
      now,
      format,
    });
    expect(alerts.map((alert) => alert.severity)).toEqual(['info', 'ticket']);
  });

  test.each<[number, number, string[]]>([
    [1000, 100, []],
    [1000.01, 100, ['2026-12']],
    [900, 80, ['2026-12']],
  ])('forecast %d at a %d %% threshold fires %j', (forecastUsd, pct, expected) => {
    expect(firingSubjects('budget_forecast', budget(100, forecastUsd), { pct })).toEqual(expected);
  });

  const days = (totals: number[]) =>
    totals.map((totalUsd, index) => ({
      day: `2026-12-${String(index + 1).padStart(2, '0')}`,
      totalUsd,
    }));

  test.each<[string, number[], number, string[]]>([
    ['today above 2 × the 7-day median', [10, 10, 10, 10, 10, 10, 10, 10, 21], 2, ['2026-12-09']],
    ['today at exactly 2 ×: nothing', [10, 10, 10, 10, 10, 10, 10, 10, 20], 2, []],
    ['yesterday above: still news', [10, 10, 10, 10, 10, 10, 10, 30, 10], 2, ['2026-12-08']],
    ['an edited factor of 3', [10, 10, 10, 10, 10, 10, 10, 10, 25], 3, []],
    ['a quiet week (median 0): nothing', [0, 0, 0, 0, 0, 0, 0, 0, 50], 2, []],
  ])('daily spike: %s', (_name, totals, factor, expected) => {
    expect(firingSubjects('daily_cost_spike', { dailyCosts: days(totals) }, { factor })).toEqual(
      expected,
    );
  });
});

describe('uptime rules', () => {
  const env = (consecutiveFailures: number) => ({
    uptime: [
      { slug: 'production', name: 'Production', consecutiveFailures, lastError: 'HTTP 503' },
    ],
  });
  test.each<[number, number, string[]]>([
    [2, 3, []],
    [3, 3, ['production']],
    [1, 1, ['production']],
  ])('%d failed checks with a threshold of %d fire %j', (failures, failedChecks, expected) => {
    expect(firingSubjects('environment_down', env(failures), { failedChecks })).toEqual(expected);
  });

  const checks = (failedShare: Partial<Record<BurnWindow, number>>) =>
    Object.fromEntries(
      (['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as BurnWindow[]).map((window) => [
        window,
        { totalChecks: 1000, okChecks: 1000 - Math.round((failedShare[window] ?? 0) * 1000) },
      ]),
    ) as Record<BurnWindow, WindowChecks>;
  const burn = (share: Partial<Record<BurnWindow, number>>) => ({
    burnRates: [
      { slug: 'production', name: 'Production', readings: readBurnRates(checks(share), 99.9) },
    ],
  });

  test.each<[string, Partial<Record<BurnWindow, number>>, string[]]>([
    ['no failures: nothing', {}, []],
    ['1 h and 5 min above 14.4×: page', { '1h': 0.02, '5m': 0.02 }, ['production:page']],
    ['1 h above but 5 min recovered: nothing', { '1h': 0.02 }, []],
    ['6 h and 30 min above 6×: page', { '6h': 0.007, '30m': 0.007 }, ['production:page']],
    ['1 day and 2 h above 3×: ticket', { '1d': 0.004, '2h': 0.004 }, ['production:ticket']],
    ['3 days and 6 h above 1×: ticket', { '3d': 0.002, '6h': 0.002 }, ['production:ticket']],
    [
      'everything burning: one page and one ticket',
      { '5m': 0.05, '30m': 0.05, '1h': 0.05, '2h': 0.05, '6h': 0.05, '1d': 0.05, '3d': 0.05 },
      ['production:page', 'production:ticket'],
    ],
  ])('burn rate, %s', (_name, share, expected) => {
    expect(firingSubjects('slo_burn_rate', burn(share))).toEqual(expected);
  });
});

describe('release rules', () => {
  const deploy = (state: 'ready' | 'error') => ({
    productionDeploy: {
      slug: 'production',
      name: 'Production',
      vercelId: 'dpl_1',
      state,
      commitSha: 'abcdef1234',
      errorMessage: 'Build failed',
    },
  });
  test('a failed newest production deployment fires until a ready one', () => {
    expect(firingSubjects('production_deploy_failed', deploy('error'))).toEqual(['production']);
    expect(firingSubjects('production_deploy_failed', deploy('ready'))).toEqual([]);
  });

  test('each recent rollback is its own alert', () => {
    const rollbacks = [7, 9].map((operationId) => ({
      operationId,
      slug: 'production',
      finishedAt: hours(-1),
      reason: 'bad build',
    }));
    expect(firingSubjects('rollback_happened', { rollbacks })).toEqual([
      'operation:7',
      'operation:9',
    ]);
  });

  test.each<[number, number, string[]]>([
    [59, 60, []],
    [61, 60, ['operation:3']],
    [31, 30, ['operation:3']],
  ])(
    'a promotion waiting %d minutes with a %d-minute threshold fires %j',
    (waited, minutes, expected) => {
      const pendingPromotions = [
        {
          operationId: 3,
          slug: 'production',
          requestedAt: new Date(now.getTime() - waited * 60_000),
        },
      ];
      expect(firingSubjects('promotion_waiting', { pendingPromotions }, { minutes })).toEqual(
        expected,
      );
    },
  );

  test('a freeze in force fires; its end is the resolution', () => {
    const freezes = [
      { slug: 'production', name: 'Production', frozenUntil: hours(5), reason: 'launch' },
    ];
    const [alert] = evaluateRule('freeze_window', {
      facts: { freezes },
      thresholds: {},
      now,
      format,
    });
    expect(alert).toMatchObject({
      subject: 'production',
      title: 'Production freeze started',
      resolvedTitle: 'Production freeze ended',
    });
    expect(firingSubjects('freeze_window', { freezes: [] })).toEqual([]);
  });
});

describe('preview rules', () => {
  test('a failed provisioning fires per operation', () => {
    const provisionFailures = [{ operationId: 12, target: 'pr-4', error: 'Neon said no' }];
    expect(firingSubjects('preview_provision_failed', { provisionFailures })).toEqual([
      'operation:12',
    ]);
  });

  const preview = (slug: string, expiresInHours: number, pin?: { until: Date | null }) => ({
    slug,
    name: slug,
    expiresAt: hours(expiresInHours),
    pinned: pin !== undefined,
    pinnedUntil: pin?.until ?? null,
  });
  test.each<[string, ReturnType<typeof preview>, number, string[]]>([
    ['expiring in 23 h', preview('pr-1', 23), 24, ['pr-1']],
    ['expiring in 25 h', preview('pr-1', 25), 24, []],
    ['expiring in 25 h with a 48 h threshold', preview('pr-1', 25), 48, ['pr-1']],
    ['already expired', preview('pr-1', -1), 24, []],
    ['pinned without an end', preview('pr-1', 2, { until: null }), 24, []],
    ['pinned until next week', preview('pr-1', 2, { until: hours(168) }), 24, []],
    ['its pin ended', preview('pr-1', 2, { until: hours(-1) }), 24, ['pr-1']],
  ])('a preview %s', (_name, expiry, threshold, expected) => {
    expect(
      firingSubjects('preview_expiring', { previewExpiries: [expiry] }, { hours: threshold }),
    ).toEqual(expected);
  });

  test.each<[number, number, string[]]>([
    [4.99, 5, []],
    [5, 5, []],
    [5.01, 5, ['pr-8']],
    [12, 20, []],
  ])('a preview projected at $%d against $%d fires %j', (projectedUsd, thresholdUsd, expected) => {
    const previewCosts = [{ slug: 'pr-8', costSoFarUsd: 1, projectedUsd, thresholdUsd }];
    expect(firingSubjects('preview_cost', { previewCosts })).toEqual(expected);
  });
});

describe('plumbing rules', () => {
  test.each<[string, 'ok' | 'failing' | 'stale' | 'not_run', number, number, string[]]>([
    ['healthy', 'ok', 0, 3, []],
    ['failing twice', 'failing', 2, 3, []],
    ['failing three times', 'failing', 3, 3, ['vercel-deployments']],
    ['failing once with a threshold of 1', 'failing', 1, 1, ['vercel-deployments']],
    ['stale without failures', 'stale', 0, 3, ['vercel-deployments']],
    ['never run', 'not_run', 0, 3, []],
  ])('a sync %s', (_name, health, consecutiveFailures, failedRuns, expected) => {
    const syncs = [{ kind: 'vercel-deployments', health, consecutiveFailures }];
    expect(firingSubjects('sync_failing', { syncs }, { failedRuns })).toEqual(expected);
  });

  test.each<[number, number, string[]]>([
    [4, 5, []],
    [5, 5, ['deliveries']],
  ])(
    '%d failed deliveries with a threshold of %d fire %j',
    (failed, failedDeliveries, expected) => {
      expect(
        firingSubjects(
          'webhook_deliveries_failing',
          { webhookDeliveries: { failed } },
          { failedDeliveries },
        ),
      ).toEqual(expected);
    },
  );
});

describe('the catalogue', () => {
  test('every rule has its defaults within its own bounds', () => {
    for (const rule of ALERT_RULE_LIST) {
      for (const threshold of rule.thresholds) {
        expect(thresholdSchema(threshold).safeParse(threshold.default).success).toBe(true);
      }
    }
  });

  test('a stored threshold outside its bounds falls back to the default', () => {
    const settings = alertRuleSettings('environment_down', {
      enabled: true,
      thresholds: { failedChecks: 0 },
      resendMinutes: 30,
      channelIds: [4],
    });
    expect(settings).toEqual({
      rule: 'environment_down',
      enabled: true,
      thresholds: { failedChecks: 3 },
      resendMinutes: 30,
      channelIds: [4],
    });
  });

  test('a rule without a row runs with its defaults, routed to every channel', () => {
    expect(alertRuleSettings('budget_month_to_date')).toMatchObject({
      enabled: true,
      thresholds: { warnPct: 75, overPct: 100 },
      channelIds: null,
    });
  });
});
