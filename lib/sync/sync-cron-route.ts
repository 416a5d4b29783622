import 'server-only';
import { getDatabase } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { requireProject } from '@/lib/http/project';
import { providers } from '@/lib/providers/from-env';
import { cronJobs } from './cron-syncs';
import { attemptSync } from './run-sync';

/**
 * A cron route that runs, one after the other, the syncs lib/sync/cron-syncs.ts lists for its
 * path, each as its own sync_runs row; answers `{ runs, refused }`, `refused` naming each kind
 * skipped because a run of it was still going. The Sync status page's Run now uses the same
 * list.
 */
export function syncCronRoute(cronPath: string): (request: Request) => Promise<Response> {
  return cronRoute(async () => {
    const db = getDatabase();
    const project = await requireProject(db);
    const runs = [];
    const refused = [];
    for (const job of cronJobs(cronPath, { providers, project, env: process.env })) {
      const attempt = await attemptSync(db, job);
      if (attempt.ok) runs.push(attempt.run);
      else refused.push({ kind: job.kind, reason: attempt.message });
    }
    return { runs, refused };
  });
}
