import type { DemoHistory } from '@/lib/demo';

/*
 * Figures the charts draw, computed straight from a demo history's rows, so the story tests
 * read like the charts: spend a day, p50 a week, share of runs in a window.
 */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
}

export const isWeekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());

/** The Monday (UTC midnight) of the ISO week holding `ms`. */
export function isoWeekStart(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

/** Spend per UTC day, and per day and environment. */
export function dailySpend(history: DemoHistory) {
  const total = new Map<string, number>();
  const byEnvironment = new Map<string, Map<string, number>>();
  for (const sample of history.costSamples) {
    total.set(sample.day, (total.get(sample.day) ?? 0) + sample.amountUsd);
    if (!sample.environmentSlug) continue;
    const day = byEnvironment.get(sample.day) ?? new Map<string, number>();
    day.set(sample.environmentSlug, (day.get(sample.environmentSlug) ?? 0) + sample.amountUsd);
    byEnvironment.set(sample.day, day);
  }
  return { total, byEnvironment, days: [...total.keys()].sort() };
}

/** Days whose spend is above twice the median of the 7 days before them (the cost anomaly). */
export function anomalies(history: DemoHistory): { day: string; ratio: number }[] {
  const { total, days } = dailySpend(history);
  return days.slice(7).flatMap((day, index) => {
    const trailing = median(days.slice(index, index + 7).map((d) => total.get(d)!));
    const ratio = total.get(day)! / trailing;
    return ratio > 2 ? [{ day, ratio }] : [];
  });
}

export function pullRequestTitled(history: DemoHistory, title: string) {
  const pullRequest = history.pullRequests.find((pr) => pr.title === title);
  if (!pullRequest) throw new Error(`no pull request titled ${title}`);
  return pullRequest;
}

/** p50 duration and queue time of the finished (not cancelled) CI runs of each ISO week. */
export function ciWeeks(history: DemoHistory): Map<number, { duration: number; queue: number }> {
  const weeks = new Map<number, { durations: number[]; queues: number[] }>();
  for (const run of history.ciRuns) {
    if (run.conclusion === 'cancelled') continue;
    const week = isoWeekStart(run.providerCreatedAt.getTime());
    const entry = weeks.get(week) ?? { durations: [], queues: [] };
    entry.durations.push(run.durationMs);
    entry.queues.push(run.queueMs);
    weeks.set(week, entry);
  }
  return new Map(
    [...weeks].map(([week, { durations, queues }]) => [
      week,
      { duration: median(durations), queue: median(queues) },
    ]),
  );
}

/** Share of the runs of a test, started in [from, to), in which it flaked. */
export function flakyShare(history: DemoHistory, name: string, from: number, to: number): number {
  let runs = 0;
  let flaky = 0;
  for (const { run, cases } of history.testRuns) {
    const at = run.startedAt.getTime();
    const testCase = cases.find((c) => c.name === name);
    if (!testCase || at < from || at >= to) continue;
    runs += 1;
    if (testCase.status === 'flaky') flaky += 1;
  }
  if (runs === 0) throw new Error(`${name} did not run in that window`);
  return flaky / runs;
}

/**
 * Lead time for changes of each merged pull request: from its first push to the first
 * production promote of a staging build made after its merge, keyed by that promote's time.
 */
export function leadTimes(history: DemoHistory): { promotedAt: number; hours: number }[] {
  const byId = new Map(history.deployments.map((row) => [row.vercelId, row]));
  const promotes = history.deployments.filter(
    (row) => row.target === 'production' && row.source === 'promote',
  );
  const firstPush = new Map<number, number>();
  for (const row of history.deployments) {
    if (row.pullRequestNumber === undefined) continue;
    const at = row.providerCreatedAt.getTime();
    firstPush.set(row.pullRequestNumber, Math.min(at, firstPush.get(row.pullRequestNumber) ?? at));
  }
  return history.pullRequests.flatMap((pr) => {
    if (!pr.mergedAt) return [];
    const merged = pr.mergedAt.getTime();
    const promote = promotes.find(
      (row) => byId.get(row.sourceVercelId!)!.providerCreatedAt.getTime() >= merged,
    );
    if (!promote) return [];
    const promotedAt = promote.providerCreatedAt.getTime();
    return [{ promotedAt, hours: (promotedAt - firstPush.get(pr.number)!) / HOUR }];
  });
}
