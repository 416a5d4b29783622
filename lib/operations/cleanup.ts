import type { Database } from '@/db/client';
import {
  getEnvironmentContext,
  listActivePreviews,
  listOpenPullRequestBranches,
} from '@/db/queries/operations';
import { getCurrentProject } from '@/db/queries/project';
import type { Project } from '@/db/schema';
import { markNeonBranchesDeleted } from '@/db/writes/operations';
import { isRefusal, openOperation } from './lock';
import { previewBranchName } from './provision';
import { ignoringGone } from './preview';
import { removePreview } from './remove';
import { runSteps } from './runner';
import type { OperationClients } from './types';

const DAY_MS = 24 * 3600 * 1000;
const PREVIEW_PREFIX = previewBranchName('');

export interface CleanupReport {
  /** Previews deleted (or tried): why, and the delete operation that did it. */
  previews: {
    environmentId: number;
    name: string;
    why: string;
    operationId?: number;
    error?: string;
  }[];
  /** Neon preview branches and Vercel preview deployments no open pull request owns. */
  orphanBranches: { neonBranchId: string; name: string }[];
  orphanDeployments: { vercelId: string; gitBranch: string }[];
  /** How many previews, branches and deployments were looked at. */
  seen: number;
  errors: string[];
}

/**
 * Removes what no one needs any more, as envboard itself:
 * - previews whose pull request is closed or merged (pinned or not);
 * - previews idle (no activity) for longer than the project's preview TTL, unless pinned;
 * - orphans: Neon `preview/*` branches and Vercel preview deployments whose git branch has no
 *   open pull request and no live preview, e.g. left by a crash or made outside envboard.
 * Each preview goes through the delete operation; the orphan sweep is one `cleanup` operation.
 */
export async function cleanup(
  db: Database,
  clients: OperationClients,
  now: Date,
  options: { project?: Project } = {},
): Promise<CleanupReport> {
  const report: CleanupReport = {
    previews: [],
    orphanBranches: [],
    orphanDeployments: [],
    seen: 0,
    errors: [],
  };
  const project = options.project ?? (await getCurrentProject(db));
  if (!project) return report;

  const previews = await listActivePreviews(db, project.id);
  report.seen += previews.length;
  const idleBefore = new Date(now.getTime() - project.previewTtlDays * DAY_MS);
  for (const { environment, pullRequest } of previews) {
    const why =
      !pullRequest || pullRequest.state !== 'open'
        ? `pull request ${pullRequest ? `#${pullRequest.number} ${pullRequest.state}` : 'gone'}`
        : !environment.pinned && environment.lastActivityAt < idleBefore
          ? `idle since ${environment.lastActivityAt.toISOString()}`
          : undefined;
    if (!why) continue;
    const context = (await getEnvironmentContext(db, environment.id))!;
    const result = await removePreview(db, clients, context, {
      actorId: null,
      reason: why,
      idempotencyKey: `cleanup-delete:${environment.id}:${now.toISOString()}`,
    });
    report.previews.push({
      environmentId: environment.id,
      name: environment.name,
      why,
      operationId: result.ok ? result.operation.id : result.operation?.id,
      ...(result.ok ? {} : { error: result.message }),
    });
    if (!result.ok) report.errors.push(`${environment.name}: ${result.message}`);
  }
  await sweepOrphans(db, clients, project, now, report);
  return report;
}

async function sweepOrphans(
  db: Database,
  clients: OperationClients,
  project: Project,
  now: Date,
  report: CleanupReport,
): Promise<void> {
  const openBranches = await listOpenPullRequestBranches(db, project.id);
  const live = await listActivePreviews(db, project.id);
  const liveGitBranches = new Set(live.map(({ environment }) => environment.gitBranch));
  const liveNeonBranches = new Set(live.flatMap(({ dbBranch }) => dbBranch?.neonBranchId ?? []));
  const owned = (gitBranch: string) =>
    openBranches.has(gitBranch) || liveGitBranches.has(gitBranch);

  const opened = await openOperation(
    db,
    {
      projectId: project.id,
      environmentId: null,
      kind: 'cleanup',
      state: 'running',
      idempotencyKey: `cleanup:${project.id}:${now.toISOString()}`,
      actorId: null,
      reason: 'orphaned preview branches and deployments',
      before: { previewsRemoved: report.previews.map((preview) => preview.name) },
      requestedAt: now,
      startedAt: now,
    },
    project.name,
  );
  if (isRefusal(opened) || !opened.created) return;

  const result = await runSteps(
    db,
    opened.operation,
    [
      {
        name: 'orphan-branches',
        run: async (after) => {
          const branches = await clients.neon.listBranches({ search: PREVIEW_PREFIX });
          report.seen += branches.length;
          for (const branch of branches) {
            if (!branch.name.startsWith(PREVIEW_PREFIX) || liveNeonBranches.has(branch.id))
              continue;
            if (owned(branch.name.slice(PREVIEW_PREFIX.length))) continue;
            await ignoringGone(async () =>
              clients.neon.waitForOperations(await clients.neon.deleteBranch(branch.id)),
            );
            report.orphanBranches.push({ neonBranchId: branch.id, name: branch.name });
          }
          const gone = report.orphanBranches.map((branch) => branch.neonBranchId);
          await markNeonBranchesDeleted(db, gone, now);
          after.orphanBranches = report.orphanBranches;
        },
      },
      {
        name: 'orphan-deployments',
        run: async (after) => {
          if (!project.vercelProjectId) return;
          const listed = await clients.vercel.listDeployments({
            projectId: project.vercelProjectId,
          });
          report.seen += listed.length;
          for (const deployment of listed) {
            const gitBranch = deployment.meta?.githubCommitRef;
            // Only previews (no target) whose branch is known; production and staging stay.
            if (deployment.target || !gitBranch || owned(gitBranch)) continue;
            await ignoringGone(() => clients.vercel.deleteDeployment(deployment.uid));
            report.orphanDeployments.push({ vercelId: deployment.uid, gitBranch });
          }
          after.orphanDeployments = report.orphanDeployments;
        },
      },
    ],
    { hooks: clients.hooks, now: () => now },
  );
  if (!result.ok) report.errors.push(result.message);
}
