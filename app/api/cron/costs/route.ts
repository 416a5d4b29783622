import { getDatabase } from '@/db/client';
import { cronRoute } from '@/lib/http/cron-route';
import { requireProject } from '@/lib/http/project';
import { neonPlanFromEnv } from '@/lib/costs/neon-prices';
import { clientOrReason, runCostSyncs } from '@/lib/costs/run-cost-syncs';
import { providers } from '@/lib/providers/from-env';

export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** GET /api/cron/costs (Vercel Cron): Neon consumption and Vercel charges into cost_samples. */
export const GET = cronRoute(async () => {
  const db = getDatabase();
  const project = await requireProject(db);
  return runCostSyncs(db, {
    project,
    neon: clientOrReason(() => providers.neon),
    vercel: clientOrReason(() => providers.vercel),
    neonPlan: neonPlanFromEnv(process.env),
  });
});
