import { type DemoHistory, demoHistory } from '@/lib/demo';
import type { Database } from '../client';
import { writeDemoHistory } from './write';

export interface SeedSummary {
  projects: number;
  users: number;
  memberships: number;
  pullRequests: number;
  dbBranches: number;
  environments: number;
  deployments: number;
  ciRuns: number;
  testRuns: number;
  testCases: number;
  costSamples: number;
  uptimeChecks: number;
  /** Audit log entries: the history's operations and the approvals of its promotions. */
  operations: number;
  approvals: number;
}

/**
 * Fills the database with a deterministic 90-day demo history ending at `now` (floored to the
 * 5-minute mark, so uptime checks line up). Seeding again replaces the demo project and all it
 * holds with a fresh history; other projects and the users are left as they are.
 */
export async function seedDemo(
  db: Database,
  options: { now?: Date; seed?: number } = {},
): Promise<SeedSummary> {
  const history = demoHistory(options);
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
    operations: history.operations.length,
    approvals: history.operations.filter((row) => row.kind === 'promote').length,
  };
}
