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
 * Production only ever serves builds promoted from staging. Release managers promote on about
 * half of the weekdays; two promotes went wrong, were rolled back within half an hour and
 * followed the same day by a promote of the revert. Production therefore ends on a promote, not
 * pinned to a rollback.
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
  const quiet = (at: number) =>
    badReleases.some((r) => at > r.promoteAt - 1.5 * DAY && at < r.hotfixPromoteAt + 0.75 * DAY);
  const lastSlotBefore = now - 20 * HOUR;
  const regular = weekdaysBetween(start + DAY, lastSlotBefore)
    .filter(() => random.chance(0.5))
    .map((day) => workingTime(random, day, 12.5, 16))
    .filter((at) => !quiet(at) && at < lastSlotBefore);
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
