import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { requireProject } from '@/lib/http/project';
import { runSync } from '@/lib/sync/run-sync';
import { uptimeProbesJob } from '@/lib/uptime/uptime-job';

export const dynamic = 'force-dynamic';

/** GET /api/cron/uptime (Vercel Cron): one probe of every active environment. */
export const GET = cronRoute(async () => {
  const db = getDb();
  const project = await requireProject(db);
  return { runs: [await runSync(db, uptimeProbesJob({ projectId: project.id }))] };
});
