import {
  DORA_BAND_LABELS,
  DORA_BAND_RULES,
  type DoraBand,
  type DoraKey,
  type DoraWeek,
  weekValue,
} from '@/lib/domain/dora';
import { count, duration, percent } from '@/lib/format';

/** Each key's question, as its card and chart title ask it. */
export const DORA_TITLES: Record<DoraKey, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  timeToRestore: 'Time to restore',
};

export const DORA_DESCRIPTIONS: Record<DoraKey, string> = {
  deploymentFrequency:
    'Git builds and promotions that started serving production; rollbacks do not count.',
  leadTime:
    "Median time from the change's pull request opening (or its commit's first push) to serving in production.",
  changeFailureRate:
    'Production deployments followed within 24 hours by a rollback or an incident, over all of them.',
  timeToRestore:
    'Median time from an incident to its resolution, or from a bad release to its rollback.',
};

/** A figure as cards and tables show it: deployments a week, durations, or a percentage. */
export function formatDora(key: DoraKey, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (key) {
    case 'deploymentFrequency':
      return value >= 7 ? `${(value / 7).toFixed(1)} a day` : `${value.toFixed(1)} a week`;
    case 'leadTime':
    case 'timeToRestore':
      return duration(value);
    case 'changeFailureRate':
      return percent(value, 1);
  }
}

/** A week's value as the trend shows it: its deployments are a count. */
export function formatDoraWeek(key: DoraKey, value: number | null): string {
  if (key === 'deploymentFrequency') return value === null ? '—' : count(value);
  return formatDora(key, value);
}

/** An axis tick: short. */
export function formatDoraTick(key: DoraKey, value: number): string {
  if (value === 0) return '0';
  if (key === 'deploymentFrequency') return count(value);
  if (key === 'changeFailureRate') return percent(value, 0);
  return duration(value);
}

const FREQUENCY_EDGE_LABELS = ['daily', 'weekly', 'monthly'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICK_STEPS: Record<Exclude<DoraKey, 'deploymentFrequency'>, readonly number[]> = {
  changeFailureRate: [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5],
  leadTime: [
    5 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    6 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    7 * DAY,
    14 * DAY,
    30 * DAY,
  ],
  timeToRestore: [
    5 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    6 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    7 * DAY,
    14 * DAY,
    30 * DAY,
  ],
};

/**
 * Round ticks for durations and rates (every 6 hours, every 5 %), at most six, covering `max`;
 * counts keep the chart's own integer ticks.
 */
export function doraTicks(key: DoraKey, max: number): number[] | undefined {
  if (key === 'deploymentFrequency' || !(max > 0)) return undefined;
  const steps = TICK_STEPS[key];
  const step = steps.find((candidate) => max / candidate <= 5) ?? steps.at(-1)!;
  return Array.from({ length: Math.ceil(max / step - 1e-9) + 1 }, (_, index) => index * step);
}

/** The band edges drawn as guides, labelled with the band they open ("Elite ≤ 1d"). */
export function bandGuides(key: DoraKey): { value: number; label: string }[] {
  const rule = DORA_BAND_RULES[key];
  const sign = rule.higherIsBetter ? '≥' : '≤';
  const bands: DoraBand[] = ['elite', 'high', 'medium'];
  return rule.edges.map((edge, index) => ({
    value: edge,
    label: `${DORA_BAND_LABELS[bands[index]!]} ${sign} ${key === 'deploymentFrequency' ? FREQUENCY_EDGE_LABELS[index] : formatDoraTick(key, edge)}`,
  }));
}

/**
 * The guides worth drawing over a trend: every edge the values reach and the next one above
 * them, so a 30-day edge never flattens a trend of hours.
 */
export function visibleGuides(key: DoraKey, values: readonly (number | null)[]) {
  const top = Math.max(0, ...values.flatMap((value) => (value === null ? [] : [value])));
  const guides = bandGuides(key).sort((a, b) => a.value - b.value);
  const above = guides.find((guide) => guide.value > top);
  return guides.filter((guide) => guide.value <= top || guide === above);
}

/** What a week's figure rests on: "4 deployments", "1 of 5 failed", "2 restores". */
export function weekBasis(key: DoraKey, week: DoraWeek): string {
  switch (key) {
    case 'deploymentFrequency':
    case 'leadTime':
      return `${count(week.deployments)} deployment${week.deployments === 1 ? '' : 's'}`;
    case 'changeFailureRate':
      return `${count(week.failedDeployments)} of ${count(week.deployments)} failed`;
    case 'timeToRestore':
      return `${count(week.restores)} restore${week.restores === 1 ? '' : 's'}`;
  }
}

export function weekValues(key: DoraKey, weeks: readonly DoraWeek[]): (number | null)[] {
  return weeks.map((week) => weekValue(key, week));
}
