import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type NewPullRequest,
  type Project,
  type PullRequest as PullRequestRow,
  pullRequests,
} from '@/db/schema';
import { getEnvironmentOnBranch } from '@/db/queries/environment-on-branch';
import { insertEnvironmentIfMissing, upsertPullRequest } from '@/db/writes';
import type { PullRequest } from '@/lib/providers/github/types';
import {
  activity,
  findEnvironmentBySlug,
  previewExpiry,
  previewName,
  previewSlug,
  saveEnvironment,
} from './environments';
import { type ApplyResult, changedIf, inTransaction } from './result';

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
    fromFork: pr.fromFork,
    state: pr.merged ? 'merged' : pr.state,
    draft: pr.draft,
    htmlUrl: pr.htmlUrl,
    openedAt: pr.createdAt,
    closedAt: pr.closedAt,
    mergedAt: pr.mergedAt,
    providerUpdatedAt: pr.updatedAt,
  };
}

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
 * branch and deployment is provisioning's job. A pull request from a long-lived environment's
 * branch (`develop` → `main`) gets none: that branch's deployments are the environment's. Closing or merging shows through the pull
 * request's state, which the previews page reads; the preview itself stays until cleanup
 * removes its resources.
 */
export async function applyPullRequest(
  db: Database,
  project: Project,
  pr: PullRequest,
): Promise<ApplyResult> {
  return inTransaction(db, async (tx) => {
    // One statement writes a new or changed copy; only when it writes nothing is the stored one
    // read, to tell a stale copy (left alone) from an unchanged one (its preview still kept).
    const written = await upsertPullRequest(tx, pullRequestRow(project.id, pr), {
      onlyIfChanged: true,
    });
    const row = written ?? (await findPullRequest(tx, project.id, pr.number));
    if (!row || row.providerUpdatedAt > pr.updatedAt) return changedIf(false);
    const previewChanged =
      row.state === 'open' &&
      !(await getEnvironmentOnBranch(tx, project.id, row.headBranch)) &&
      (await ensurePreview(tx, project, row));
    return changedIf(Boolean(written) || previewChanged);
  });
}

/** Creates the open pull request's preview row, or brings the stored one up to date. */
async function ensurePreview(db: Database, project: Project, pr: PullRequestRow) {
  const slug = previewSlug(pr.number);
  const created = await insertEnvironmentIfMissing(db, {
    projectId: project.id,
    kind: 'preview',
    slug,
    name: previewName(pr.number),
    gitBranch: pr.headBranch,
    pullRequestId: pr.id,
    status: 'active',
    lastActivityAt: pr.providerUpdatedAt,
    expiresAt: previewExpiry(
      { pinned: false, pinnedUntil: null, expiresAt: null },
      pr.providerUpdatedAt,
      project.previewTtlDays,
    ),
  });
  if (created) return true;
  const existing = (await findEnvironmentBySlug(db, project.id, slug))!;
  // A reopened pull request whose preview was cleaned up gets it back: its next push deploys.
  // Cleanup deleted its database branch; provisioning makes a new one.
  const revived = existing.status === 'deleted';
  return saveEnvironment(db, existing, {
    gitBranch: pr.headBranch,
    pullRequestId: pr.id,
    status: 'active',
    deletedAt: null,
    ...(revived ? { dbBranchId: null } : {}),
    ...activity(project, existing, pr.providerUpdatedAt),
  });
}
