import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  ciRuns,
  dbBranches,
  deployments,
  environments,
  type Project,
  pullRequests,
} from '@/db/schema';
import type { RepoState } from '@/sandbox/github/state';
import type { NeonStore } from '@/sandbox/neon/store';
import type { VercelStore } from '@/sandbox/vercel/store';
import type { Board } from './board-diff';

export interface ProviderWorld {
  repo: RepoState;
  vercel: VercelStore;
  vercelProjectId: string;
  neon: NeonStore;
  /** What each deployment was built as; Vercel's own target changes once it is promoted. */
  builtAs: Map<string, 'production' | 'preview'>;
}

/** The board the providers' state should produce. */
export function expectedBoard(world: ProviderWorld, deletedOnBoard: Set<string>): Board {
  const board: Board = {
    pullRequests: {},
    ciRuns: {},
    deployments: {},
    production: {},
    dbBranches: {},
  };
  for (const pr of world.repo.pulls.values()) {
    const state = pr.mergedAt ? 'merged' : pr.state;
    board.pullRequests![`#${pr.number}`] = { state, headSha: pr.headSha };
  }
  for (const run of world.repo.runs.values()) {
    board.ciRuns![String(run.id)] = { status: run.status, conclusion: run.conclusion };
  }
  const project = world.vercel.project(world.vercelProjectId);
  for (const deployment of world.vercel.deployments.values()) {
    if (deployment.projectId !== project.id) continue;
    board.deployments![deployment.id] = {
      state: deployment.readyState.toLowerCase(),
      target: world.builtAs.get(deployment.id) ?? 'preview',
    };
  }
  board.production!.serves = { deployment: project.productionId };
  for (const branch of world.neon.branches.values()) {
    board.dbBranches![branch.id] = { name: branch.name, state: 'ready' };
  }
  // A branch created and deleted between two syncs never reaches the board, and need not.
  for (const id of world.neon.deleted) {
    if (deletedOnBoard.has(id)) board.dbBranches![id] = { state: 'deleted' };
  }
  return board;
}

/** The board as the database holds it, in the same shape. */
export async function actualBoard(db: Database, project: Project): Promise<Board> {
  const board: Board = {
    pullRequests: {},
    ciRuns: {},
    deployments: {},
    production: {},
    dbBranches: {},
  };
  const mine = project.id;
  for (const pr of await db.select().from(pullRequests).where(eq(pullRequests.projectId, mine))) {
    board.pullRequests![`#${pr.number}`] = { state: pr.state, headSha: pr.headSha };
  }
  for (const run of await db.select().from(ciRuns).where(eq(ciRuns.projectId, mine))) {
    board.ciRuns![String(run.githubRunId)] = { status: run.status, conclusion: run.conclusion };
  }
  const rows = await db.select().from(deployments).where(eq(deployments.projectId, mine));
  for (const row of rows) {
    board.deployments![row.vercelId] = { state: row.state, target: row.target };
  }
  const [production] = await db
    .select({ current: environments.currentDeploymentId })
    .from(environments)
    .where(and(eq(environments.projectId, mine), eq(environments.kind, 'production')));
  const served = rows.find((row) => row.id === production?.current);
  board.production!.serves = { deployment: served?.vercelId ?? null };
  for (const branch of await db.select().from(dbBranches).where(eq(dbBranches.projectId, mine))) {
    board.dbBranches![branch.neonBranchId] =
      branch.state === 'deleted'
        ? { state: 'deleted' }
        : { name: branch.name, state: branch.state };
  }
  return board;
}

/** The Neon branch ids the board holds as deleted. */
export async function deletedBranchIds(db: Database, project: Project): Promise<Set<string>> {
  const rows = await db
    .select({ id: dbBranches.neonBranchId })
    .from(dbBranches)
    .where(and(eq(dbBranches.projectId, project.id), eq(dbBranches.state, 'deleted')));
  return new Set(rows.map((row) => row.id));
}
