import type { Database } from '../client';
import { floorToCheckInterval } from './clock';
import { generateDemoHistory } from './history';
import type { DemoHistory, SeedSummary } from './types';
import { writeDemoHistory } from './write';

export { generateDemoHistory } from './history';
export type { DemoHistory, SeedSummary } from './types';

export const DEFAULT_SEED = 20_250_601;

/**
 * Fills the database with a deterministic 90-day demo history ending at `now` (floored to the
 * 5-minute mark, so uptime checks line up). Seeding again replaces the demo project and all it
 * holds with a fresh history; other projects and the users are left as they are.
 */
export async function seedDemo(
  db: Database,
  options: { now?: Date; seed?: number } = {},
): Promise<SeedSummary> {
  const now = floorToCheckInterval(options.now ?? new Date());
  const history = generateDemoHistory({ now, seed: options.seed ?? DEFAULT_SEED });
  // One transaction: a seed that fails half-way leaves no project behind, so the next start
  // sees an empty database and seeds again.
  await db.transaction((tx) => writeDemoHistory(tx, history));
  return summarize(history);
}

export function summarize(history: DemoHistory): SeedSummary {
  return {
    projects: 1,
    users: history.team.length,
    memberships: history.team.length,
    pullRequests: history.pullRequests.length,
    dbBranches: history.dbBranches.length,
    environments: history.environments.length,
    deployments: history.deployments.length,
    ciRuns: history.ciRuns.length,
    testRuns: history.testRuns.length,
    testCases: history.testRuns.reduce((sum, { cases }) => sum + cases.length, 0),
    costSamples: history.costSamples.length,
    uptimeChecks: history.uptimeChecks.length,
  };
}
