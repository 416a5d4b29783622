import type { Database } from '@/db/client';

/** What one sync reports back: how much it looked at, what it changed, and where to resume. */
export interface SyncTally {
  itemsSeen: number;
  itemsChanged: number;
  /** Per-item failures that did not stop the run; each names the item and the reason. */
  errors: string[];
  /** Where the next run of this kind resumes, e.g. an ISO time or a provider cursor. */
  cursor?: string | null;
}

export interface SyncContext {
  db: Database;
  now: Date;
  /** The cursor the last successful run of this kind left, or null on a first run. */
  previousCursor: string | null;
}

/**
 * One sync kind's work, as every job (GitHub, Vercel, Neon, costs, uptime, retries, recovery,
 * cleanup) implements it and the runner (run-sync.ts) records it.
 */
export interface SyncJob {
  /** The sync_runs.kind, e.g. 'github.pull_requests'. */
  kind: string;
  /** Provider calls spent so far by the clients this job uses; read before and after. */
  callsSpent: () => number;
  work: (context: SyncContext) => Promise<SyncTally>;
}

export function emptyTally(): SyncTally {
  return { itemsSeen: 0, itemsChanged: 0, errors: [] };
}
