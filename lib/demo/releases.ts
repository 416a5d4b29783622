import { INCIDENT_START_AFTER_PROMOTE } from './bad-releases';
import { PRODUCTION_SLUG } from './branches';
import { DAY, HISTORY_DAYS, HOUR, MINUTE, SECOND, weekdaysBetween, workingTime } from './clock';
import { newDeploymentUrl } from './deployments';
import { vercelDeploymentId } from './ids';
import type { Random } from './random';
import type { BadRelease, Incident } from './timeline';
import type { DeploymentRow } from './types';

interface ReleaseSlot {
  at: number;
  badRelease?: BadRelease;
}

/** A staging build must have been up this long (smoke tests, a look around) before promotion. */
const SOAK_BEFORE_PROMOTE = 15 * MINUTE;

/**
 * Production only ever serves builds promoted from staging. The team moved from weekly releases
 * to continuous delivery over the quarter (see `releaseDays`). Two promotes went wrong, were
 * rolled back within half an hour and followed the same day by a promote of the revert.
 * Production therefore ends on a promote, not pinned to a rollback.
 */
export function productionDeployments(
  random: Random,
  now: number,
  stagingBuilds: readonly DeploymentRow[],
  badReleases: readonly BadRelease[],
): { deployments: DeploymentRow[]; incidents: Incident[] } {
  const ready = stagingBuilds.filter((build) => build.state === 'ready');
  const deployments: DeploymentRow[] = [];
  let live: DeploymentRow | undefined;
  for (const slot of releaseSlots(random, now, badReleases)) {
    const candidate = ready.findLast(
      (build) => build.readyAt!.getTime() <= slot.at - SOAK_BEFORE_PROMOTE,
    );
    if (!candidate || candidate.vercelId === servedBuild(live, deployments)) continue;
    const previous = live;
    live = productionRow(random, candidate, 'promote', slot.at);
    deployments.push(live);
    if (slot.badRelease && previous) {
      live = productionRow(random, previous, 'rollback', slot.badRelease.rollbackAt);
      deployments.push(live);
    }
  }
  const incidents = badReleases.map((release): Incident => ({
    environmentSlug: PRODUCTION_SLUG,
    from: release.promoteAt + INCIDENT_START_AFTER_PROMOTE,
    // The 503s stop once the rollback has reached every edge region.
    to: release.rollbackAt + 2 * MINUTE,
    failure: 'http_503',
  }));
  return { deployments, incidents };
}

function releaseSlots(
  random: Random,
  now: number,
  badReleases: readonly BadRelease[],
): ReleaseSlot[] {
  const start = now - HISTORY_DAYS * DAY;
  // Nothing else goes out between the culprit's merge and the morning after the hotfix.
  const quiet = (at: number) =>
    badReleases.some((r) => at > r.culpritMergeAt - HOUR && at < r.hotfixPromoteAt + 12 * HOUR);
  const lastSlotBefore = now - 20 * HOUR;
  const regular = releaseTimes(random, now, start + DAY, lastSlotBefore).filter(
    (at) => !quiet(at) && at < lastSlotBefore,
  );
  // Production is never more than a few days behind: release managers promote at least twice a week.
  if (!regular.some((at) => at > now - 4 * DAY)) {
    const recent = weekdaysBetween(now - 4 * DAY, lastSlotBefore)
      .map((day) => workingTime(random, day, 12.5, 16))
      .filter((at) => at < lastSlotBefore);
    if (recent.length > 0) regular.push(recent[recent.length - 1]!);
  }
  return [
    { at: start + 2 * HOUR },
    ...regular.map((at) => ({ at })),
    ...badReleases.flatMap((release) => [
      { at: release.promoteAt, badRelease: release },
      { at: release.hotfixPromoteAt },
    ]),
  ].sort((a, b) => a.at - b.at);
}

/**
 * When release managers promote: once a week (Thursday afternoon) in the first month, Tuesdays
 * and Thursdays in the second, and morning, midday and afternoon on every weekday in the last —
 * medium, high and then elite deployment frequency in the DORA report's bands
 * (https://dora.dev/research/2023/dora-report/). A slot with nothing new on staging is skipped.
 */
function releaseTimes(random: Random, now: number, from: number, to: number): number[] {
  return weekdaysBetween(from, to).flatMap((day) => {
    const age = (now - day) / DAY;
    const weekday = new Date(day).getUTCDay();
    if (age > 60) return weekday === 4 ? [workingTime(random, day, 13, 16)] : [];
    if (age > 30) return weekday === 2 || weekday === 4 ? [workingTime(random, day, 12.5, 16)] : [];
    return [
      [9.5, 11],
      [13, 14.5],
      [16, 17.5],
    ].map(([from, to]) => workingTime(random, day, from, to));
  });
}

/** The staging build production serves now: a promote's source, or what a rollback restored. */
function servedBuild(
  live: DeploymentRow | undefined,
  all: readonly DeploymentRow[],
): string | undefined {
  if (live?.source !== 'rollback') return live?.sourceVercelId;
  return all.find((row) => row.vercelId === live.sourceVercelId)?.sourceVercelId;
}

/** Promote and instant rollback reuse a finished build: no build step, live within seconds. */
function productionRow(
  random: Random,
  from: DeploymentRow,
  source: 'promote' | 'rollback',
  at: number,
): DeploymentRow {
  const readyAt = new Date(at + random.int(3, 9) * SECOND);
  return {
    vercelId: vercelDeploymentId(random),
    url: newDeploymentUrl(random),
    environmentSlug: PRODUCTION_SLUG,
    target: 'production',
    state: 'ready',
    source,
    sourceVercelId: from.vercelId,
    gitBranch: from.gitBranch,
    commitSha: from.commitSha,
    commitMessage: from.commitMessage,
    commitAuthor: from.commitAuthor,
    providerCreatedAt: new Date(at),
    readyAt,
    providerUpdatedAt: readyAt,
  };
}
