import type { DbBranch, NewDbBranch } from '@/db/schema';
import { NEON_BRANCH_FIELDS } from '@/db/writes/environments';
import { PREVIEW_BRANCH_PREFIX } from '@/lib/domain/cleanup';
import type { NeonBranch } from '@/lib/providers/neon/schemas';

/** The git branch of the preview a Neon branch belongs to, or undefined for any other branch. */
export function previewGitBranch(neonBranchName: string): string | undefined {
  return neonBranchName.startsWith(PREVIEW_BRANCH_PREFIX)
    ? neonBranchName.slice(PREVIEW_BRANCH_PREFIX.length) || undefined
    : undefined;
}

/**
 * Neon's states are init, resetting, ready and archived
 * (https://api-docs.neon.tech/reference/listprojectbranches): a branch being reset or
 * archived still exists with its data, so only `init` is not yet ready.
 */
export function dbBranchState(neonState: string): 'init' | 'ready' {
  return neonState === 'init' ? 'init' : 'ready';
}

const date = (value: string | undefined) => (value ? new Date(value) : null);

/** The db_branches row for a branch Neon lists. */
export function dbBranchRow(projectId: number, branch: NeonBranch): NewDbBranch {
  return {
    projectId,
    neonBranchId: branch.id,
    name: branch.name,
    parentNeonBranchId: branch.parent_id ?? null,
    isDefault: branch.default,
    protected: branch.protected,
    state: dbBranchState(branch.current_state),
    logicalSizeBytes: branch.logical_size ?? 0,
    computeSeconds: Math.round(branch.compute_time_seconds ?? 0),
    lastResetAt: date(branch.last_reset_at),
    expiresAt: date(branch.expires_at),
    providerCreatedAt: new Date(branch.created_at),
    providerUpdatedAt: new Date(branch.updated_at),
    deletedAt: null,
  };
}

/** The same row marked gone: Neon no longer lists the branch. */
export function deletedDbBranchRow(stored: DbBranch, now: Date): NewDbBranch {
  return {
    ...withoutBookkeeping(stored),
    state: 'deleted',
    deletedAt: now,
    providerUpdatedAt: stored.providerUpdatedAt > now ? stored.providerUpdatedAt : now,
  };
}

function withoutBookkeeping(row: DbBranch): NewDbBranch {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = row;
  return rest;
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : (a ?? null) === (b ?? null);

/** Whether writing `next` would change what the board shows for this branch. */
export function dbBranchDiffers(stored: DbBranch | undefined, next: NewDbBranch): boolean {
  if (!stored) return true;
  return NEON_BRANCH_FIELDS.some((key) => !same(stored[key], next[key]));
}
