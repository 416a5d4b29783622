import { getDb } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { requireProject } from '@/lib/http/project';
import { providers } from '@/lib/providers/from-env';
import { runSync } from '@/lib/sync/run-sync';
import { vercelDeploymentsJob } from '@/lib/sync/vercel-deployments';

/** Vercel Cron: Vercel's truth behind the deployment webhooks. */
export const GET = cronRoute(async () => {
  const db = getDb();
  const project = await requireProject(db);
  return { runs: [await runSync(db, vercelDeploymentsJob(providers, project))] };
});
