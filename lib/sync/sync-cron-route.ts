import 'server-only';
import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { requireProject } from '@/lib/http/project';
import { providers } from '@/lib/providers/from-env';
import { cronJobs } from './cron-syncs';
import { runSync } from './run-sync';

/**
 * A cron route that runs, one after the other, the syncs lib/sync/cron-syncs.ts lists for its
 * path, each as its own sync_runs row; answers `{ runs }`. The Sync status page's Run now uses
 * the same list.
 */
export function syncCronRoute(cronPath: string): (request: Request) => Promise<Response> {
  return cronRoute(async () => {
    const db = getDb();
    const project = await requireProject(db);
    const runs = [];
    for (const job of cronJobs(cronPath, { providers, project, env: process.env })) {
      runs.push(await runSync(db, job));
    }
    return { runs };
  });
}
