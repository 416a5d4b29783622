import type { Database } from '@/db/client';
import {
  lastSucceededAt,
  listActiveEnvironmentBranches,
  listCreatedPreviewBranches,
  listPreviewRecords,
  recordedOutsidePreviews,
} from '@/db/queries/cleanup';
import { listOpenPullRequestBranches } from '@/db/queries/operation-targets';
import type { Project } from '@/db/schema';
import {
  type CleanupCandidate,
  cleanupCandidates,
  cleanupRefusal,
  PREVIEW_BRANCH_PREFIX,
} from '@/lib/domain/cleanup';
import type { CleanupSettings } from './cleanup-settings';
import type { OperationClients } from './types';

const DAY_MS = 24 * 3600 * 1000;
/** The sync_runs kind of the pull-request sync (lib/sync/github-pull-requests.ts). */
const PULL_REQUEST_SYNC_KIND = 'github.pull_requests';

/** What cleanup would delete now, and why it would refuse to, if it would. */
export interface CleanupPlan {
  candidates: CleanupCandidate[];
  /** Set when nothing may be deleted now: the sweep fails with this reason. */
  refusal: string | null;
  /** Previews, Neon branches and Vercel deployments looked at. */
  seen: number;
}

/**
 * The one computation behind both the admin page's dry run and the sweep: reads envboard's own
 * records, lists what GitHub, Neon and Vercel hold now, and applies lib/domain/cleanup's rules.
 */
export async function planCleanup(
  db: Database,
  clients: OperationClients,
  project: Project,
  now: Date,
  settings: Pick<CleanupSettings, 'pullRequestSyncMaxAgeMs'>,
): Promise<CleanupPlan> {
  const [previews, activeEnvironments, createdNeonBranches, boardOpen, lastSync] =
    await Promise.all([
      listPreviewRecords(db, project.id, now),
      listActiveEnvironmentBranches(db, project.id),
      listCreatedPreviewBranches(db, project.id),
      listOpenPullRequestBranches(db, project.id),
      lastSucceededAt(db, PULL_REQUEST_SYNC_KIND),
    ]);
  const providerOpen = await clients.github.listPullRequests({ state: 'open' });
  const neonBranches = await clients.neon.listBranches({ search: PREVIEW_BRANCH_PREFIX });
  const listed = project.vercelProjectId
    ? (await clients.vercel.listDeployments({ projectId: project.vercelProjectId })).deployments
    : [];
  const deployments = listed.map((deployment) => ({
    uid: deployment.uid,
    gitBranch: deployment.meta?.githubCommitRef,
    target: deployment.target ?? null,
  }));
  const previewUids = deployments.filter((d) => !d.target).map((d) => d.uid);

  const candidates = cleanupCandidates({
    previews,
    activeEnvironments,
    openHeadBranches: new Set([...boardOpen, ...providerOpen.map((pr) => pr.headRef)]),
    createdNeonBranches,
    nonPreviewDeployments: await recordedOutsidePreviews(db, project.id, previewUids),
    neonBranches,
    deployments,
    idleBefore: new Date(now.getTime() - project.previewTtlDays * DAY_MS),
  });
  const refusal = cleanupRefusal({
    lastPullRequestSyncAt: lastSync,
    maxSyncAgeMs: settings.pullRequestSyncMaxAgeMs,
    now,
    providerOpenPullRequests: providerOpen.length,
    previewsWithOpenPullRequest: previews.filter((p) => p.active && p.pullRequest?.state === 'open')
      .length,
  });
  const seen = previews.filter((p) => p.active).length + neonBranches.length + listed.length;
  return { candidates, refusal, seen };
}
