import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type NewPullRequest,
  type Project,
  type PullRequest as PullRequestRow,
  pullRequests,
} from '@/db/schema';
import { upsertEnvironment, upsertPullRequest } from '@/db/writes';
import type { PullRequest } from '@/lib/providers/github/types';
import {
  findEnvironmentBySlug,
  previewExpiry,
  previewName,
  previewSlug,
  recordActivity,
  saveEnvironment,
} from './environments';
import { type ApplyResult, changedIf, differs, inTransaction } from './result';

/** GitHub's login for a deleted account; its pull requests keep showing it. */
const GHOST = 'ghost';

export function pullRequestRow(projectId: number, pr: PullRequest): NewPullRequest {
  return {
    projectId,
    number: pr.number,
    title: pr.title,
    author: pr.author ?? GHOST,
    headBranch: pr.headRef,
    baseBranch: pr.baseRef,
    headSha: pr.headSha,
    state: pr.merged ? 'merged' : pr.state,
    draft: pr.draft,
    htmlUrl: pr.htmlUrl,
    openedAt: pr.createdAt,
    closedAt: pr.closedAt,
    mergedAt: pr.mergedAt,
    providerUpdatedAt: pr.updatedAt,
  };
}

const PULL_REQUEST_FIELDS = [
  'title',
  'headBranch',
  'baseBranch',
  'headSha',
  'state',
  'draft',
  'htmlUrl',
  'closedAt',
  'mergedAt',
] as const satisfies readonly (keyof PullRequestRow)[];

export async function findPullRequest(
  db: Database,
  projectId: number,
  number: number,
): Promise<PullRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(pullRequests)
    .where(and(eq(pullRequests.projectId, projectId), eq(pullRequests.number, number)));
  return row;
}

/**
 * Stores a pull request unless a newer copy is already stored. An open one gets its preview
 * environment row (`pr-<number>`, as the seed names them) — only the row: creating its database
 * branch and deployment is provisioning's job. Closing or merging shows through the pull
 * request's state, which the previews page reads; the preview itself stays until cleanup
 * removes its resources.
 */
export async function applyPullRequest(
  db: Database,
  project: Project,
  pr: PullRequest,
): Promise<ApplyResult> {
  return inTransaction(db, async (tx) => {
    const stored = await findPullRequest(tx, project.id, pr.number);
    if (stored && stored.providerUpdatedAt > pr.updatedAt) return changedIf(false);
    const proposed = pullRequestRow(project.id, pr);
    let changed = !stored || differs(stored, proposed, PULL_REQUEST_FIELDS);
    const row = changed ? await upsertPullRequest(tx, proposed) : stored;
    if (!row) return changedIf(false);
    if (row.state === 'open') changed = (await ensurePreview(tx, project, row)) || changed;
    return changedIf(changed);
  });
}

async function ensurePreview(db: Database, project: Project, pr: PullRequestRow) {
  const slug = previewSlug(pr.number);
  const existing = await findEnvironmentBySlug(db, project.id, slug);
  if (!existing) {
    await upsertEnvironment(db, {
      projectId: project.id,
      kind: 'preview',
      slug,
      name: previewName(pr.number),
      gitBranch: pr.headBranch,
      pullRequestId: pr.id,
      status: 'active',
      lastActivityAt: pr.providerUpdatedAt,
      expiresAt: previewExpiry(
        { pinned: false, expiresAt: null },
        pr.providerUpdatedAt,
        project.previewTtlDays,
      ),
    });
    return true;
  }
  // A reopened pull request whose preview was cleaned up gets it back: its next push deploys.
  // Cleanup deleted its database branch; provisioning makes a new one.
  const revived = existing.status === 'deleted';
  const linked = await saveEnvironment(db, existing, {
    gitBranch: pr.headBranch,
    pullRequestId: pr.id,
    status: 'active',
    deletedAt: null,
    ...(revived ? { dbBranchId: null } : {}),
  });
  const refreshed = linked ? (await findEnvironmentBySlug(db, project.id, slug))! : existing;
  return (await recordActivity(db, project, refreshed, pr.providerUpdatedAt)) || linked;
}
