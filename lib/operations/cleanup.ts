import type { Database } from '@/db/client';
import { getEnvironmentContext } from '@/db/queries/operation-contexts';
import { getCurrentProject } from '@/db/queries/project';
import type { Project } from '@/db/schema';
import { markNeonBranchesDeleted } from '@/db/writes/operations';
import { boundCandidates, type CleanupCandidate } from '@/lib/domain/cleanup';
import { planCleanup } from './cleanup-plan';
import type { CleanupSettings } from './cleanup-settings';
import { startOperation } from './lock';
import { ignoringGone } from './preview';
import { executeDelete } from './delete-preview';
import { runSteps, type Step } from './runner';
import type { OperationClients } from './types';

type Of<Kind extends CleanupCandidate['kind']> = Extract<CleanupCandidate, { kind: Kind }>;

export interface CleanupReport {
  /** Set when the run deleted nothing because it must not: a stale or suspicious PR view. */
  refusal: string | null;
  /** Previews deleted (or tried): why, and the delete operation that did it. */
  previews: {
    environmentId: number;
    name: string;
    why: string;
    operationId?: number;
    error?: string;
  }[];
  orphanBranches: { neonBranchId: string; name: string }[];
  orphanDeployments: { vercelId: string; gitBranch: string }[];
  /** Candidates past CLEANUP_MAX_DELETIONS, left for the next run. */
  deferred: CleanupCandidate[];
  /** The `cleanup` operation that did the deleting, when there was any. */
  operationId: number | null;
  seen: number;
  errors: string[];
}

export interface CleanupOptions extends CleanupSettings {
  project?: Project;
  /** The admin who asked; null when the cron runs it. */
  actorId?: number | null;
  idempotencyKey?: string;
  /** Only these candidate keys (the list an admin saw); others wait for the sweep. */
  only?: ReadonlySet<string>;
}

/**
 * Deletes what no one needs any more, as one `cleanup` operation (the audit row), at most
 * `maxDeletions` things a run: previews whose pull request is closed or that sat idle past the
 * project's TTL (each through the delete operation), then orphaned Neon branches and Vercel
 * preview deployments (see lib/domain/cleanup for what counts). Deletes nothing when the plan
 * carries a refusal.
 */
export async function cleanup(
  db: Database,
  clients: OperationClients,
  now: Date,
  options: CleanupOptions,
): Promise<CleanupReport> {
  const report: CleanupReport = {
    refusal: null,
    previews: [],
    orphanBranches: [],
    orphanDeployments: [],
    deferred: [],
    operationId: null,
    seen: 0,
    errors: [],
  };
  const project = options.project ?? (await getCurrentProject(db));
  if (!project) return report;
  const plan = await planCleanup(db, clients, project, now, options);
  report.seen = plan.seen;
  report.refusal = plan.refusal;
  if (plan.refusal) return report;

  const listed = options.only
    ? plan.candidates.filter((candidate) => options.only!.has(candidate.key))
    : plan.candidates;
  const bounded = boundCandidates(listed, options.maxDeletions);
  report.deferred = bounded.deferred;
  if (bounded.now.length === 0) return report;

  const ofKind = <Kind extends CleanupCandidate['kind']>(kind: Kind) =>
    bounded.now.filter((candidate): candidate is Of<Kind> => candidate.kind === kind);
  const steps: Step[] = [
    {
      name: 'previews',
      run: async (after) => {
        for (const preview of ofKind('preview')) {
          await deleteOne(db, clients, preview, now, options.actorId ?? null, report);
        }
        after.previews = report.previews;
      },
    },
    {
      name: 'orphan-branches',
      run: async (after) => {
        for (const branch of ofKind('neon_branch')) {
          await ignoringGone(async () =>
            clients.neon.waitForOperations(await clients.neon.deleteBranch(branch.neonBranchId)),
          );
          report.orphanBranches.push({ neonBranchId: branch.neonBranchId, name: branch.name });
        }
        const gone = report.orphanBranches.map((branch) => branch.neonBranchId);
        await markNeonBranchesDeleted(db, gone, now);
        after.orphanBranches = report.orphanBranches;
      },
    },
    {
      name: 'orphan-deployments',
      run: async (after) => {
        for (const deployment of ofKind('deployment')) {
          await ignoringGone(() => clients.vercel.deleteDeployment(deployment.vercelId));
          const { vercelId, gitBranch } = deployment;
          report.orphanDeployments.push({ vercelId, gitBranch });
        }
        after.orphanDeployments = report.orphanDeployments;
      },
    },
  ];
  const result = await startOperation(
    db,
    {
      projectId: project.id,
      environmentId: null,
      kind: 'cleanup',
      state: 'running',
      idempotencyKey: options.idempotencyKey ?? `cleanup:${project.id}:${now.toISOString()}`,
      actorId: options.actorId ?? null,
      reason: 'closed, idle and orphaned previews',
      before: {
        deleting: bounded.now.map(({ key, reason }) => ({ key, reason })),
        deferred: bounded.deferred.map(({ key }) => key),
        maxDeletions: options.maxDeletions,
      },
      requestedAt: now,
      startedAt: now,
    },
    project.name,
    (operation) => {
      report.operationId = operation.id;
      return runSteps(db, operation, steps, { hooks: clients.hooks, now: () => now });
    },
  );
  if (!result.ok) report.errors.push(result.message);
  return report;
}

/** One preview through the delete operation; a failure is reported, the others still go. */
async function deleteOne(
  db: Database,
  clients: OperationClients,
  preview: Of<'preview'>,
  now: Date,
  actorId: number | null,
  report: CleanupReport,
): Promise<void> {
  const { environmentId, name, reason } = preview;
  const context = await getEnvironmentContext(db, environmentId);
  if (!context) return;
  const result = await executeDelete(db, clients, context, {
    actorId,
    reason,
    idempotencyKey: `cleanup-delete:${environmentId}:${now.toISOString()}`,
  });
  report.previews.push({
    environmentId,
    name,
    why: reason,
    operationId: result.ok ? result.operation.id : result.operation?.id,
    ...(result.ok ? {} : { error: result.message }),
  });
  if (!result.ok) report.errors.push(`${name}: ${result.message}`);
}
