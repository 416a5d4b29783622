import { type Badge, BADGE_LABELS, stateColor, testsColor, uptimeColor } from '@/lib/domain/badges';
import { type DeploymentState, servingSince } from '@/lib/domain/deployments';
import type { EnvironmentState } from '@/lib/domain/environments';
import { pct, relativeTime, shortSha } from '@/lib/format';

// What each badge says, in the board's own words and number formats.

const STATE_MESSAGES: Partial<Record<EnvironmentState, string>> = {
  none: 'no deployment',
};

export function statusBadge(state: EnvironmentState): Badge {
  return {
    label: BADGE_LABELS.status,
    message: STATE_MESSAGES[state] ?? state,
    color: stateColor(state),
  };
}

/** The 30-day availability with two decimals, as the Uptime page shows it. */
export function uptimeBadge(pct30d: number | null): Badge {
  return {
    label: BADGE_LABELS.uptime,
    message: pct30d === null ? 'no checks' : pct(pct30d, 2),
    color: uptimeColor(pct30d),
  };
}

/** What the environment serves: its commit, its state and since when. */
export function deployBadge(
  current: {
    commitSha: string;
    state: DeploymentState;
    createdAt: Date;
    readyAt: Date | null;
    updatedAt: Date;
  } | null,
  now: Date,
): Badge {
  if (!current) return { label: BADGE_LABELS.deploy, message: 'none', color: 'lightgrey' };
  const since = relativeTime(servingSince(current), now);
  return {
    label: BADGE_LABELS.deploy,
    message: `${shortSha(current.commitSha)} ${current.state} · ${since}`,
    color: stateColor(current.state),
  };
}

export function testsBadge(counts: { passed: number; failed: number } | null): Badge {
  return {
    label: BADGE_LABELS.tests,
    message: counts ? `${counts.passed} passed, ${counts.failed} failed` : 'no runs',
    color: testsColor(counts),
  };
}
