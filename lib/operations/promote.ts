import { z } from 'zod';
import type { Database } from '@/db/client';
import { getOperationByIdempotencyKey } from '@/db/queries/operation-records';
import type { Operation } from '@/db/schema';
import { recordPromotion } from '@/db/writes/operations';
import { evaluatePromotion } from './gate-facts';
import { id, idempotencyKey, parseInput, reason } from './input';
import { sameRequest, startOperation } from './lock';
import { refuseUnlessRole } from './roles';
import { type OperationResult, preconditionsRefusal, refuse } from './result';
import { runSteps, StepRefused } from './runner';
import { type Actor, operationActor } from '@/lib/domain/actor';
import { nowOf, type OperationClients } from './types';

/** The commit status every promotion reports on the promoted commit. */
export const PROMOTION_GATE_CONTEXT = 'envboard/promotion-gate';

const promotionInput = z.object({ deploymentId: id, reason, idempotencyKey });

/**
 * A release manager asks to promote a staging deployment to production. The gate is checked
 * here, on the server; when the project requires approval the operation waits in `requested`
 * for a second release manager (approve.ts), otherwise it runs now.
 */
export async function requestPromotion(
  db: Database,
  clients: OperationClients,
  actor: Actor,
  input: z.input<typeof promotionInput>,
): Promise<OperationResult> {
  const denied = refuseUnlessRole(actor, 'release_manager', 'promote to production');
  if (denied) return denied;
  const parsed = parseInput(promotionInput, input);
  if (!parsed.ok) return parsed;
  const { deploymentId, idempotencyKey: key } = parsed.data;

  const repeated = await getOperationByIdempotencyKey(db, key);
  if (repeated) return sameRequest(repeated, 'promote', actor);

  const now = nowOf(clients);
  const evaluated = await evaluatePromotion(db, deploymentId, now);
  if (!evaluated || evaluated.project.id !== actor.projectId) {
    return refuse('not_found', 'That deployment does not exist.');
  }
  if (evaluated.failures.length > 0) return preconditionsRefusal(evaluated.failures);
  const { deployment, project, production } = evaluated;

  const waits = project.requireApproval;
  return startOperation(
    db,
    {
      projectId: project.id,
      environmentId: production!.id,
      kind: 'promote',
      state: waits ? 'requested' : 'running',
      idempotencyKey: key,
      ...operationActor(actor),
      reason: parsed.data.reason,
      before: {
        deploymentId: deployment.id,
        vercelId: deployment.vercelId,
        commitSha: deployment.commitSha,
        productionDeploymentId: production!.currentDeploymentId,
        pinned: production!.pinned,
      },
      requestedAt: now,
      startedAt: waits ? null : now,
    },
    production!.name,
    async (operation) =>
      waits ? { ok: true, operation } : executePromotion(db, clients, operation),
  );
}

/**
 * Runs an approved (or approval-free) promotion: the gate again, since time passed since the
 * request; a pending commit status; Vercel's promote and, when it answers 202, the wait for its
 * alias job; the new production deployment recorded; the commit status set to success.
 */
export async function executePromotion(
  db: Database,
  clients: OperationClients,
  operation: Operation,
): Promise<OperationResult> {
  const deploymentId = Number(operation.before?.deploymentId);
  const commitSha = String(operation.before?.commitSha ?? '');
  let context: NonNullable<Awaited<ReturnType<typeof evaluatePromotion>>>;
  const now = () => nowOf(clients);
  const status = (state: 'pending' | 'success' | 'failure', description: string) =>
    clients.github.createCommitStatus(commitSha, {
      state,
      context: PROMOTION_GATE_CONTEXT,
      description: description.slice(0, 140),
    });
  let pendingPosted = false;

  return runSteps(
    db,
    operation,
    [
      {
        name: 'preconditions',
        run: async () => {
          const evaluated = await evaluatePromotion(db, deploymentId, now());
          if (!evaluated)
            throw new StepRefused(`deployment ${commitSha.slice(0, 7)} no longer exists`);
          if (evaluated.failures.length > 0) {
            const list = evaluated.failures.map((failure) => failure.message).join('; ');
            throw new StepRefused(`preconditions no longer hold: ${list}`);
          }
          context = evaluated;
        },
      },
      {
        name: 'commit-status-pending',
        run: async () => {
          await status('pending', 'Promoting to production');
          pendingPosted = true;
        },
      },
      {
        name: 'vercel-promote',
        run: async (after) => {
          const { deployment, project } = context;
          const vercelProjectId = requireVercelProject(project.vercelProjectId);
          const { pending } = await clients.vercel.promote(vercelProjectId, deployment.vercelId);
          const served = pending
            ? await clients.vercel.waitForPromotion(vercelProjectId, deployment.vercelId)
            : await clients.vercel.getProject(vercelProjectId);
          const production = served.targets?.production;
          if (!production) throw new StepRefused('Vercel reports no production deployment');
          Object.assign(after, {
            accepted: pending ? 'later (202)' : 'at once (201)',
            servedVercelId: production.id,
            servedUrl: production.url,
          });
        },
      },
      {
        name: 'record',
        run: async (after) => {
          const { deployment, production } = context;
          const current = await recordPromotion(db, {
            productionEnvironmentId: production!.id,
            source: deployment,
            served: { vercelId: String(after.servedVercelId), url: String(after.servedUrl) },
            at: now(),
          });
          Object.assign(after, { productionDeploymentId: current.id, pinned: false });
        },
      },
      {
        name: 'commit-status-success',
        run: () => status('success', `In production since ${now().toISOString()}`),
      },
    ],
    {
      hooks: clients.hooks,
      now,
      onFailure: async (why) => {
        if (pendingPosted) await status('failure', `Promotion failed: ${why}`);
      },
    },
  );
}

export function requireVercelProject(vercelProjectId: string | null): string {
  if (!vercelProjectId) throw new StepRefused('the project has no Vercel project id');
  return vercelProjectId;
}
