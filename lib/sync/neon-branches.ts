import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type DbBranch, dbBranches, environments, type Project } from '@/db/schema';
import { upsertDbBranch } from '@/db/writes';
import { linkEnvironmentToDbBranch } from '@/db/writes/environment-links';
import type { NeonClient } from '@/lib/providers/neon/client';
import type { NeonBranch } from '@/lib/providers/neon/schemas';
import { itemError } from './cursor';
import {
  dbBranchDiffers,
  dbBranchRow,
  deletedDbBranchRow,
  previewGitBranch,
} from './neon-branch-row';
import { emptyTally, type SyncJob, type SyncTally } from './sync-job';

export const NEON_BRANCHES = 'neon.branches';

/**
 * Every Neon branch of the project into db_branches: Neon has no webhooks and no "changed since"
 * filter, so each run lists them all (one call per hundred branches) and writes only what
 * differs. A branch the database knows but Neon no longer lists is marked deleted, and each
 * preview environment is linked to its `preview/<git branch>` branch.
 */
export function neonBranchesJob(clients: { neon: NeonClient }, project: Project): SyncJob {
  return {
    kind: NEON_BRANCHES,
    callsSpent: () => clients.neon.callsSpent,
    work: async ({ db, now }) => {
      if (project.neonProjectId && project.neonProjectId !== clients.neon.projectId) {
        throw new Error(
          `the Neon client is bound to project ${clients.neon.projectId}, but ${project.slug} uses ${project.neonProjectId}`,
        );
      }
      // A failed page throws here, before anything is marked deleted from a partial list.
      const listed = await clients.neon.listBranches();
      return applyNeonBranches(db, project, listed, now);
    },
  };
}

export async function applyNeonBranches(
  db: Database,
  project: Project,
  listed: readonly NeonBranch[],
  now: Date,
): Promise<SyncTally> {
  const tally = emptyTally();
  const stored = await storedBranches(db, project.id);
  const byNeonId = new Map(stored.map((row) => [row.neonBranchId, row]));
  const live = new Map<string, DbBranch>();

  for (const branch of listed) {
    tally.itemsSeen++;
    try {
      const row = dbBranchRow(project.id, branch);
      const previous = byNeonId.get(branch.id);
      if (!dbBranchDiffers(previous, row)) {
        live.set(branch.name, previous!);
        continue;
      }
      const written = await upsertDbBranch(db, row);
      if (written) {
        tally.itemsChanged++;
        live.set(branch.name, written);
      }
    } catch (error) {
      tally.errors.push(itemError(`branch ${branch.name} (${branch.id})`, error));
    }
  }

  const listedIds = new Set(listed.map((branch) => branch.id));
  for (const row of stored) {
    if (listedIds.has(row.neonBranchId) || row.state === 'deleted') continue;
    try {
      if (await upsertDbBranch(db, deletedDbBranchRow(row, now))) tally.itemsChanged++;
    } catch (error) {
      tally.errors.push(itemError(`branch ${row.name} (${row.neonBranchId})`, error));
    }
  }

  tally.itemsChanged += await linkPreviews(db, project.id, live, tally.errors);
  return tally;
}

function storedBranches(db: Database, projectId: number): Promise<DbBranch[]> {
  return db.select().from(dbBranches).where(eq(dbBranches.projectId, projectId));
}

/** Each live preview environment points at the branch named after its git branch. */
async function linkPreviews(
  db: Database,
  projectId: number,
  live: Map<string, DbBranch>,
  errors: string[],
): Promise<number> {
  const byGitBranch = new Map<string, DbBranch>();
  for (const [name, row] of live) {
    const gitBranch = previewGitBranch(name);
    if (gitBranch) byGitBranch.set(gitBranch, row);
  }
  if (byGitBranch.size === 0) return 0;
  const previews = await db
    .select({ id: environments.id, gitBranch: environments.gitBranch })
    .from(environments)
    .where(
      and(
        eq(environments.projectId, projectId),
        eq(environments.kind, 'preview'),
        isNull(environments.deletedAt),
        inArray(environments.gitBranch, [...byGitBranch.keys()]),
      ),
    );
  let linked = 0;
  for (const preview of previews) {
    const branch = byGitBranch.get(preview.gitBranch)!;
    try {
      if (await linkEnvironmentToDbBranch(db, preview.id, branch.id)) linked++;
    } catch (error) {
      errors.push(itemError(`preview ${preview.gitBranch}`, error));
    }
  }
  return linked;
}
