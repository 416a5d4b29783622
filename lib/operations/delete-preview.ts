import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { EnvironmentContext } from '@/db/queries/operation-contexts';
import { listEnvironmentDeployments } from '@/db/queries/operation-targets';
import { markEnvironmentDeleted } from '@/db/writes/operations';
import { id, idempotencyKey, parseInput, reason } from './input';
import { isRefusal, startOperation } from './lock';
import { updatePreviewComment } from './pr-comment';
import { PREVIEW_DATABASE_URL } from './provision';
import { ignoringGone, livePreview, loadPreview } from './preview';
import { type OperationResult, refuse } from './result';
import { refuseUnlessRole } from './roles';
import { runSteps, type Step } from './runner';
import { type Actor, operationActor } from '@/lib/domain/actor';
import { previewDeleteRefusal } from '@/lib/domain/preview-permissions';
import { nowOf, type OperationClients } from './types';

const deleteInput = z.object({
  environmentId: id,
  idempotencyKey: idempotencyKey.optional(),
  reason: reason.optional(),
});

/**
 * A developer deletes a preview of their own pull request (a release manager or admin any
 * preview, see preview-permissions.ts): its Vercel deployments, its Neon branch, its
 * branch-scoped DATABASE_URL, then the row.
 */
export async function deletePreview(
  db: Database,
  clients: OperationClients,
  actor: Actor,
  input: z.input<typeof deleteInput>,
): Promise<OperationResult> {
  const denied = refuseUnlessRole(actor, 'developer', 'delete a preview');
  if (denied) return denied;
  const parsed = parseInput(deleteInput, input);
  if (!parsed.ok) return parsed;
  const preview = await loadPreview(db, parsed.data.environmentId, 'deleted', actor.projectId);
  if (isRefusal(preview)) return preview;
  const notOwner = previewDeleteRefusal(actor, preview.pullRequest);
  if (notOwner) return refuse('forbidden', `${notOwner}.`);
  return executeDelete(db, clients, preview, {
    ...operationActor(actor),
    reason: parsed.data.reason ?? null,
    idempotencyKey: parsed.data.idempotencyKey ?? `delete:${randomUUID()}`,
  });
}

/** The delete itself, shared with cleanup (which acts as envboard, with a reason). */
export async function executeDelete(
  db: Database,
  clients: OperationClients,
  preview: EnvironmentContext,
  request: {
    actorId: number | null;
    actorTokenId?: number | null;
    reason: string | null;
    idempotencyKey: string;
  },
): Promise<OperationResult> {
  // Checked here too, not only by deletePreview: cleanup deletes through this function.
  const live = livePreview(preview, preview.environment.id, 'deleted');
  if (isRefusal(live)) return live;
  const { environment, project, dbBranch } = preview;
  const now = nowOf(clients);
  const recorded = await listEnvironmentDeployments(db, environment.id);
  const clock = () => nowOf(clients);
  const steps: Step[] = [
    {
      name: 'vercel-delete',
      run: async (after) => {
        const ids = new Set(recorded.map((deployment) => deployment.vercelId));
        if (project.vercelProjectId) {
          // Deployments of the branch that envboard never recorded go too.
          const { deployments: listed } = await clients.vercel.listDeployments({
            projectId: project.vercelProjectId,
            branch: environment.gitBranch,
          });
          for (const deployment of listed) if (!deployment.target) ids.add(deployment.uid);
        }
        const outcome: Record<string, string> = {};
        for (const vercelId of ids) {
          outcome[vercelId] = await ignoringGone(() => clients.vercel.deleteDeployment(vercelId));
        }
        after.deployments = outcome;
      },
    },
    {
      name: 'neon-delete',
      run: async (after) => {
        if (!dbBranch || dbBranch.state === 'deleted') return;
        const branchId = dbBranch.neonBranchId;
        await ignoringGone(async () => {
          const operations = await clients.neon.deleteBranch(branchId);
          await clients.neon.waitForOperations(operations);
        });
        after.dbBranchDeleted = dbBranch.name;
      },
    },
    {
      name: 'vercel-env',
      run: async (after) => {
        if (!project.vercelProjectId) return;
        const vercelProjectId = project.vercelProjectId;
        // The branch-scoped DATABASE_URL provisioning set: it names a branch that is now gone.
        let deleted = 0;
        await ignoringGone(async () => {
          deleted = await clients.vercel.deletePreviewEnvVar(vercelProjectId, {
            key: PREVIEW_DATABASE_URL,
            gitBranch: environment.gitBranch,
          });
        });
        // The stored key (the audit log shows it) keeps the name the rows written before carry.
        after.databaseUrlRemoved = deleted > 0 ? environment.gitBranch : null;
      },
    },
    {
      name: 'record',
      run: async (after) => {
        await markEnvironmentDeleted(db, environment.id, clock());
        after.status = 'deleted';
      },
    },
    {
      name: 'pr-comment',
      run: async (after) => {
        const note = request.reason ? `Preview deleted: ${request.reason}` : 'Preview deleted';
        after.prCommentId = (await updatePreviewComment(db, clients, environment.id, note)) ?? null;
      },
    },
  ];
  return startOperation(
    db,
    {
      projectId: project.id,
      environmentId: environment.id,
      kind: 'delete',
      state: 'running',
      idempotencyKey: request.idempotencyKey,
      actorId: request.actorId,
      actorTokenId: request.actorTokenId ?? null,
      reason: request.reason,
      before: {
        deployments: recorded.map((deployment) => deployment.vercelId),
        dbBranch: dbBranch?.name ?? null,
        neonBranchId: dbBranch?.state === 'deleted' ? null : (dbBranch?.neonBranchId ?? null),
        gitBranch: environment.gitBranch,
        // An open pull request's preview stays deleted until its head moves on (provision.ts).
        headSha: preview.pullRequest?.state === 'open' ? preview.pullRequest.headSha : null,
      },
      requestedAt: now,
      startedAt: now,
    },
    environment.name,
    (operation) => runSteps(db, operation, steps, { hooks: clients.hooks, now: clock }),
  );
}
