import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { environments, uptimeDaily } from '../schema';
import { type DaySpan, refreshRollup, utcDay } from './refresh';
import { addDays, mergeSpans } from './touched';

/**
 * Keeps `uptime_daily` after checks were written at `now`. Today is never stored: it is still
 * filling, and readers aggregate its raw checks live (getUptimeDays). So a write recomputes:
 * - the days before today that received checks (late arrivals);
 * - every day since the project's last closed day up to yesterday, which closes yesterday with
 *   the first write of today (and any day a pause in writes left open).
 * A project whose last closed day is yesterday pays one query (with the insert) and nothing more.
 */
export async function refreshUptimeAfterChecks(
  db: Database,
  checks: readonly { environmentId: number; checkedAt: Date }[],
  now: Date,
): Promise<void> {
  if (checks.length === 0) return;
  const today = utcDay(now);
  const yesterday = addDays(today, -1);
  // Each environment's project and that project's last closed day, in one round trip.
  const owners = await db
    .select({
      id: environments.id,
      projectId: environments.projectId,
      lastClosed: sql<string | null>`(
        select to_char(max(u.day), 'YYYY-MM-DD') from ${uptimeDaily} u
        where u.project_id = environments.project_id and u.day < ${today}::date)`,
    })
    .from(environments)
    .where(inArray(environments.id, [...new Set(checks.map((check) => check.environmentId))]));
  const projectOf = new Map(owners.map((owner) => [owner.id, owner.projectId]));

  const spans = new Map<number, DaySpan[]>();
  for (const { projectId, lastClosed } of owners) {
    const from = lastClosed ? addDays(lastClosed, 1) : yesterday;
    spans.set(projectId, from <= yesterday ? [{ from, to: yesterday }] : []);
  }
  for (const check of checks) {
    const day = utcDay(check.checkedAt);
    const projectId = projectOf.get(check.environmentId);
    if (day < today && projectId !== undefined) spans.get(projectId)!.push({ from: day, to: day });
  }
  for (const [projectId, touched] of spans) {
    for (const span of mergeSpans(touched)) await refreshRollup(db, 'uptime', projectId, span);
  }
}
