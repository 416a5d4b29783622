import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type DemoHistory, generateDemoHistory } from '@/lib/demo';
import { FLAKY_TEST_NAME } from '@/lib/demo/stories';
import {
  anomalies,
  ciWeeks,
  DAY,
  dailySpend,
  flakyShare,
  isWeekend,
  leadTimes,
  median,
  pullRequestTitled,
} from './story-figures';

/*
 * The 90-day demo tells the same stories, in numbers a chart would show, whenever it starts:
 * two starts, in different seasons, at different times of day.
 */
const starts = ['2026-03-18T10:25:00Z', '2026-12-07T00:35:00Z'];

describe.each(starts)('the demo started at %s', (iso) => {
  const now = new Date(iso).getTime();
  const history: DemoHistory = generateDemoHistory({ now: new Date(iso), seed: DEFAULT_SEED });
  const inMonth = (at: number, month: 0 | 2) =>
    month === 0 ? at < now - 60 * DAY : at >= now - 30 * DAY;

  it('deploys and spends on weekdays, and is quiet at weekends', () => {
    const deploys = new Map<number, number>();
    for (const row of history.deployments) {
      const day = Math.floor(row.providerCreatedAt.getTime() / DAY) * DAY;
      deploys.set(day, (deploys.get(day) ?? 0) + 1);
    }
    const perDay = (weekend: boolean) => {
      const days: number[] = [];
      for (let day = Math.floor(now / DAY) * DAY - 88 * DAY; day < now - DAY; day += DAY)
        if (isWeekend(day) === weekend) days.push(deploys.get(day) ?? 0);
      return days.reduce((sum, count) => sum + count, 0) / days.length;
    };
    expect(perDay(false)).toBeGreaterThan(4 * perDay(true));

    const { total, days } = dailySpend(history);
    const spend = (weekend: boolean) =>
      median(
        days.filter((day) => isWeekend(Date.parse(day)) === weekend).map((d) => total.get(d)!),
      );
    expect(spend(false)).toBeGreaterThan(1.2 * spend(true));
  });

  it('spikes in cost once, for a weekend, billed to the preview that ran away', () => {
    const spikes = anomalies(history);
    expect(spikes.length).toBeGreaterThanOrEqual(1);
    expect(spikes.length).toBeLessThanOrEqual(3);
    const runaway = pullRequestTitled(
      history,
      'feat(search): prefetch search suggestions as you type',
    );
    const { byEnvironment } = dailySpend(history);
    for (const { day, ratio } of spikes) {
      expect(ratio).toBeGreaterThan(2);
      const environments = [...byEnvironment.get(day)!].sort((a, b) => b[1] - a[1]);
      expect(environments[0]![0]).toBe(`pr-${runaway.number}`);
      expect(Date.parse(day)).toBeGreaterThan(runaway.openedAt.getTime());
      expect(Date.parse(day)).toBeLessThan(runaway.mergedAt!.getTime());
    }
    // The spike's samples carry the pull request, so "top pull requests by cost" shows it too.
    const billed = history.costSamples.filter((s) => s.environmentSlug === `pr-${runaway.number}`);
    for (const sample of billed) expect(sample.pullRequestNumber).toBe(runaway.number);
  });

  it('checks uptime over the whole 90 days, through both production incidents', () => {
    const production = history.uptimeChecks.filter((c) => c.environmentSlug === 'production');
    expect(production[0]!.checkedAt.getTime()).toBeLessThanOrEqual(now - 89 * DAY);
    const rollbacks = history.deployments.filter((row) => row.source === 'rollback');
    expect(rollbacks).toHaveLength(2);
    for (const rollback of rollbacks) {
      const at = rollback.providerCreatedAt.getTime();
      const failed = production.filter(
        (c) =>
          !c.ok &&
          c.checkedAt.getTime() > at - 30 * 60_000 &&
          c.checkedAt.getTime() < at + 5 * 60_000,
      );
      expect(failed.length).toBeGreaterThanOrEqual(4);
    }
    expect(history.uptimeChecks.some((c) => c.environmentSlug === 'staging' && !c.ok)).toBe(true);
  });

  it('has one slow CI week in the last month, queue and duration up, then its fix', () => {
    const weeks = ciWeeks(history);
    const fix = pullRequestTitled(
      history,
      'fix(ci): key the dependency cache on the lockfile again',
    );
    const fixedAt = fix.mergedAt!.getTime();
    expect(fixedAt).toBeGreaterThan(now - 30 * DAY);
    const [slowWeek, slow] = [...weeks].sort((a, b) => b[1].duration - a[1].duration)[0]!;
    // The fix landed in the slow week, on its Friday.
    expect(fixedAt - slowWeek).toBeGreaterThan(4 * DAY);
    expect(fixedAt - slowWeek).toBeLessThan(5 * DAY);
    for (const neighbour of [slowWeek - 7 * DAY, slowWeek + 7 * DAY]) {
      const around = weeks.get(neighbour)!;
      expect(slow.duration).toBeGreaterThan(1.3 * around.duration);
      expect(slow.queue).toBeGreaterThan(2 * around.queue);
    }
    // Runs after the fix are as fast as before the slow week.
    const after = history.ciRuns.filter(
      (run) => run.conclusion !== 'cancelled' && run.providerCreatedAt.getTime() > fixedAt,
    );
    const before = history.ciRuns.filter(
      (run) => run.conclusion !== 'cancelled' && run.providerCreatedAt.getTime() < slowWeek,
    );
    const p50 = (runs: typeof after) => median(runs.map((run) => run.durationMs));
    expect(p50(after)).toBeLessThan(1.15 * p50(before));
  });

  it('has one test that flakes more and more often, then never again after its fix', () => {
    const fix = pullRequestTitled(
      history,
      'test(checkout): wait for the payment sheet before paying with a saved card',
    );
    const fixedAt = fix.mergedAt!.getTime();
    const share = (from: number, to: number) => flakyShare(history, FLAKY_TEST_NAME, from, to);
    const start = now - 90 * DAY;
    const third = (fixedAt - start) / 3;
    const shares = [0, 1, 2].map((i) => share(start + i * third, start + (i + 1) * third));
    expect(shares[0]).toBeLessThan(shares[1]!);
    expect(shares[1]).toBeLessThan(shares[2]!);
    expect(share(fixedAt - 14 * DAY, fixedAt)).toBeGreaterThan(0.25);
    expect(share(fixedAt, now)).toBe(0);
  });

  it('creeps up in coverage and in test count over the 90 days', () => {
    for (const suite of ['unit', 'integration'] as const) {
      const coverage = (from: number, to: number) =>
        median(
          history.testRuns
            .filter(({ run }) => run.suite === suite)
            .filter(({ run }) => run.startedAt.getTime() >= from && run.startedAt.getTime() < to)
            .map(({ run }) => run.coveragePct!),
        );
      const first = coverage(now - 90 * DAY, now - 76 * DAY);
      const last = coverage(now - 14 * DAY, now);
      expect(last).toBeGreaterThan(first + 4);
    }
    for (const suite of ['unit', 'integration', 'e2e'] as const) {
      const reports = history.testRuns.filter(({ run }) => run.suite === suite);
      expect(reports[reports.length - 1]!.cases.length).toBeGreaterThan(reports[0]!.cases.length);
    }
  });

  it('moves from weekly to daily production releases, with DORA figures to match', () => {
    const production = history.deployments.filter((row) => row.target === 'production');
    const promotes = (month: 0 | 2) =>
      production.filter(
        (row) => row.source === 'promote' && inMonth(row.providerCreatedAt.getTime(), month),
      );
    const rollbacks = (month: 0 | 2) =>
      production.filter(
        (row) => row.source === 'rollback' && inMonth(row.providerCreatedAt.getTime(), month),
      );
    // Deployment frequency: about weekly (medium–high), then about daily or more (high–elite).
    expect(promotes(0).length).toBeLessThanOrEqual(8);
    expect(promotes(2).length).toBeGreaterThan(2 * promotes(0).length);
    expect(promotes(2).length).toBeGreaterThanOrEqual(15);
    // Lead time for changes: days at first (high), under a day at the end (elite).
    const leads = leadTimes(history);
    const lead = (month: 0 | 2) =>
      median(leads.filter((l) => inMonth(l.promotedAt, month)).map((l) => l.hours));
    expect(lead(0)).toBeGreaterThan(36);
    expect(lead(2)).toBeLessThan(24);
    // Change failure rate: one bad release in each, among few and then many promotes — medium
    // or low (over 10 %) at first, high or elite (10 % or less) at the end.
    expect(rollbacks(0)).toHaveLength(1);
    expect(rollbacks(2)).toHaveLength(1);
    expect(rollbacks(0).length / promotes(0).length).toBeGreaterThan(0.1);
    expect(rollbacks(2).length / promotes(2).length).toBeLessThanOrEqual(0.1);
  });
});
