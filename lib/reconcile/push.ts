import type { Database } from '@/db/client';
import type { Project } from '@/db/schema';
import { environmentsOnBranch, recordActivity } from './environments';
import { type ApplyResult, changedIf, ignored, inTransaction } from './result';

/** A push to one branch, as GitHub's push event reports it. */
export interface BranchPush {
  branch: string;
  headSha: string;
  /** When the newest pushed commit was made, or when the push arrived if it carried none. */
  pushedAt: Date;
  /** The branch was deleted: nothing was built. */
  deleted: boolean;
}

/**
 * A push is activity for every environment that builds its branch — it keeps a preview from
 * expiring. Production is left alone: it changes only when something is promoted to it.
 */
export async function applyPush(
  db: Database,
  project: Project,
  push: BranchPush,
): Promise<ApplyResult> {
  if (push.deleted) return ignored(`branch ${push.branch} was deleted; cleanup handles previews`);
  return inTransaction(db, async (tx) => {
    const building = await environmentsOnBranch(tx, project.id, push.branch, [
      'preview',
      'staging',
      'development',
    ]);
    if (building.length === 0) return ignored(`no active environment builds ${push.branch}`);
    let changed = false;
    for (const environment of building) {
      changed = (await recordActivity(tx, project, environment, push.pushedAt)) || changed;
    }
    return changedIf(changed);
  });
}
