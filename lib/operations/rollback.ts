import { randomUUID } from 'node:crypto';
import { commitTitle } from '@/lib/domain/operation-names';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { getDeploymentContext } from '@/db/queries/operation-contexts';
import {
  getLastSucceededOperation,
  getOperationByIdempotencyKey,
} from '@/db/queries/operation-records';
import { getDbBranch, getDeployment } from '@/db/queries/operation-targets';
import { getProductionEnvironment } from '@/db/queries/production-serving';
import type { Deployment, Environment } from '@/db/schema';
import { markDbBranchReset, recordRollback, rejectWaitingOperations } from '@/db/writes/operations';
import { id, idempotencyKey, parseInput, reason } from './input';
import { sameRequest, startOperation } from './lock';
import { requireVercelProject } from './promote';
import type { PreconditionFailure } from './result';
import { type OperationResult, preconditionsRefusal, refuse } from './result';
import { refuseUnlessRole } from './roles';
import { runSteps, type Step, StepRefused } from './runner';
import { type Actor, operationActor } from '@/lib/domain/actor';
import { nowOf, type OperationClients } from './types';

const rollbackInput = z.object({
  targetDeploymentId: id,
  reason,
  restoreDatabase: z.boolean().default(false),
  idempotencyKey: idempotencyKey.optional(),
});

/** Vercel keeps at most this much of a rollback's description. */
const VERCEL_DESCRIPTION_MAX = 250;

/**
 * Rolls production back to an earlier ready production deployment with Vercel's instant
 * rollback, optionally restoring the production database branch to just before the bad
 * deployment went live (Neon keeps the pre-restore state as a backup branch). Production is
 * then pinned: `environments.pinned` on the production environment means "rolled back, stays on
 * this deployment until the next promote", which is what Vercel does too and what the
 * environments board shows beside its name. A freeze does not block a rollback, and a promotion
 * still waiting for approval is rejected as superseded rather than blocking it.
 */
export async function rollback(
  db: Database,
  clients: OperationClients,
  actor: Actor,
  input: z.input<typeof rollbackInput>,
): Promise<OperationResult> {
  const denied = refuseUnlessRole(actor, 'release_manager', 'roll production back');
  if (denied) return denied;
  const parsed = parseInput(rollbackInput, input);
  if (!parsed.ok) return parsed;
  const { targetDeploymentId, restoreDatabase } = parsed.data;
  const key = parsed.data.idempotencyKey ?? `rollback:${randomUUID()}`;
  const repeated = await getOperationByIdempotencyKey(db, key);
  if (repeated) return sameRequest(repeated, 'rollback', actor);

  const context = await getDeploymentContext(db, targetDeploymentId);
  if (!context || context.project.id !== actor.projectId) {
    return refuse('not_found', 'That deployment does not exist.');
  }
  const { deployment: target, project } = context;
  const production = await getProductionEnvironment(db, project.id);
  const current = production?.currentDeploymentId
    ? await getDeployment(db, production.currentDeploymentId)
    : undefined;
  const failures = rollbackPreconditions(target, production, current, restoreDatabase);
  if (failures.length > 0) return preconditionsRefusal(failures);

  const now = nowOf(clients);
  // A promotion still waiting for approval must not hold production during an incident.
  const superseded = await rejectWaitingOperations(
    db,
    production!.id,
    'superseded: production was rolled back before this was approved',
    now,
  );
  const vercelProjectId = project.vercelProjectId;
  const clock = () => nowOf(clients);
  const steps: Step[] = [
    {
      name: 'vercel-rollback',
      run: async () => {
        const description = parsed.data.reason.slice(0, VERCEL_DESCRIPTION_MAX);
        await clients.vercel.rollback(
          requireVercelProject(vercelProjectId),
          target.vercelId,
          description,
        );
      },
    },
    {
      name: 'vercel-confirm',
      run: async (after) => {
        const served = await clients.vercel.getProject(requireVercelProject(vercelProjectId));
        const servedId = served.targets?.production?.id;
        if (servedId !== target.vercelId) {
          throw new StepRefused(`Vercel serves ${servedId ?? 'nothing'}, not ${target.vercelId}`);
        }
        after.servedVercelId = servedId;
      },
    },
  ];
  // Recorded before the database restore, so the board shows what production serves even if
  // the restore then fails.
  steps.push({
    name: 'record',
    run: async (after) => {
      await recordRollback(db, {
        productionEnvironmentId: production!.id,
        targetDeploymentId: target.id,
        at: clock(),
      });
      Object.assign(after, { productionDeploymentId: target.id, pinned: true });
    },
  });
  return startOperation(
    db,
    {
      projectId: project.id,
      environmentId: production!.id,
      kind: 'rollback',
      state: 'running',
      idempotencyKey: key,
      ...operationActor(actor),
      reason: parsed.data.reason,
      before: {
        productionDeploymentId: current!.id,
        productionVercelId: current!.vercelId,
        targetDeploymentId: target.id,
        targetVercelId: target.vercelId,
        restoreDatabase,
        pinned: production!.pinned,
        supersededOperationIds: superseded,
      },
      requestedAt: now,
      startedAt: now,
    },
    production!.name,
    (operation) => {
      if (restoreDatabase)
        steps.push(restoreStep(db, clients, production!, current!, operation.id));
      return runSteps(db, operation, steps, { hooks: clients.hooks, now: clock });
    },
  );
}

export function rollbackPreconditions(
  target: Pick<
    Deployment,
    'id' | 'state' | 'target' | 'providerCreatedAt' | 'commitSha' | 'commitMessage'
  >,
  production: Environment | undefined,
  current: Pick<Deployment, 'id' | 'providerCreatedAt'> | undefined,
  restoreDatabase: boolean,
): PreconditionFailure[] {
  const failures: PreconditionFailure[] = [];
  const fail = (message: string) => failures.push({ precondition: 'rollback_target', message });
  if (!production) {
    failures.push({
      precondition: 'production_environment',
      message: 'the project has no production environment',
    });
    return failures;
  }
  const named = commitTitle(target);
  if (target.state !== 'ready') fail(`${named} is ${target.state}, not ready`);
  if (target.target !== 'production') {
    fail(`${named} never served production (it targets ${target.target})`);
  }
  if (!current) fail(`${production.name} serves no deployment to roll back from`);
  else if (current.id === target.id) fail(`${production.name} already serves ${named}`);
  else if (target.providerCreatedAt >= current.providerCreatedAt) {
    fail(`${named} is not earlier than the one in production; promote it instead`);
  }
  if (restoreDatabase && !production.dbBranchId) {
    failures.push({
      precondition: 'database_branch',
      message: `${production.name} has no database branch to restore`,
    });
  }
  return failures;
}

/**
 * Neon point-in-time restore of the production branch to one second before the bad deployment
 * went live (its promote finished, else its creation), keeping the current data as a backup
 * branch (`preserve_under_name`, required when restoring a branch to its own history).
 */
function restoreStep(
  db: Database,
  clients: OperationClients,
  production: Environment,
  bad: Deployment,
  operationId: number,
): Step {
  return {
    name: 'neon-restore',
    run: async (after) => {
      const branch = await getDbBranch(db, production.dbBranchId);
      if (!branch) throw new StepRefused(`${production.name} has no database branch to restore`);
      const promoted = await getLastSucceededOperation(db, production.id, 'promote');
      const live =
        promoted?.after?.productionDeploymentId === bad.id && promoted.finishedAt
          ? promoted.finishedAt
          : bad.providerCreatedAt;
      const restoredTo = new Date(live.getTime() - 1000);
      const backupBranch = `${branch.name}-before-rollback-${operationId}`;
      const change = await clients.neon.restoreBranch(branch.neonBranchId, {
        sourceBranchId: branch.neonBranchId,
        sourceTimestamp: restoredTo,
        preserveUnderName: backupBranch,
      });
      await clients.neon.waitForOperations(change.operations);
      await markDbBranchReset(db, branch.id, nowOf(clients));
      Object.assign(after, { restoredTo: restoredTo.toISOString(), backupBranch });
    },
  };
}
