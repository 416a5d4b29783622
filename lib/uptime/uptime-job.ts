import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { environments } from '@/db/schema';
import { recordUptimeChecks } from '@/db/writes';
import type { SyncJob } from '@/lib/sync/sync-job';
import { mapWithLimit } from './map-with-limit';
import { probe } from './probe';
import { probeUrl } from './probe-route';

export const UPTIME_PROBES_KIND = 'uptime.probes';

export interface UptimeJobOptions {
  projectId: number;
  /** Per probe; a dead environment costs the run this long at most. */
  timeoutMs?: number;
  /** Probes in flight at once. */
  concurrency?: number;
  fetch?: typeof fetch;
  /** The uptime sandbox, when the environments' hosts are the demo's invented ones. */
  sandboxUrl?: string;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;
export const DEFAULT_PROBE_CONCURRENCY = 8;

async function probeTargets(db: Database, projectId: number) {
  const rows = await db
    .select({ id: environments.id, url: environments.url, healthUrl: environments.healthUrl })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.status, 'active'),
        isNull(environments.deletedAt),
      ),
    )
    .orderBy(environments.id);
  return rows.flatMap((row) => {
    const url = row.healthUrl ?? row.url;
    return url ? [{ environmentId: row.id, url }] : [];
  });
}

/**
 * Probes every active environment's health URL (its URL when it has none) and records one check
 * each, all stamped with the run's start so a run is one instant on the uptime charts. A down
 * environment is a finding, not a sync error.
 */
export function uptimeProbesJob(options: UptimeJobOptions): SyncJob {
  let probesSent = 0;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  return {
    kind: UPTIME_PROBES_KIND,
    callsSpent: () => probesSent,
    async work({ db, now }) {
      const targets = await probeTargets(db, options.projectId);
      const checks = await mapWithLimit(
        targets,
        options.concurrency ?? DEFAULT_PROBE_CONCURRENCY,
        async (target) => {
          probesSent++;
          const url = probeUrl(target.url, options.sandboxUrl);
          const result = await probe(url, { timeoutMs, fetch: options.fetch });
          return { environmentId: target.environmentId, checkedAt: now, ...result };
        },
      );
      await recordUptimeChecks(db, checks, { now });
      return { itemsSeen: targets.length, itemsChanged: checks.length, errors: [] };
    },
  };
}
