import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { requireProject } from '@/lib/http/project';
import { providers } from '@/lib/providers/from-env';
import { neonBranchesJob } from '@/lib/sync/neon-branches';
import { runSync } from '@/lib/sync/run-sync';

/** Vercel Cron: Neon has no webhooks, so this sync is the only way branch changes arrive. */
export const GET = cronRoute(async () => {
  const db = getDb();
  const project = await requireProject(db);
  return { runs: [await runSync(db, neonBranchesJob(providers, project))] };
});
