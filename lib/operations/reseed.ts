import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { EnvironmentContext } from '@/db/queries/operation-contexts';
import { markDbBranchReset } from '@/db/writes/operations';
import { id, idempotencyKey, parseInput, reason } from './input';
import { isRefusal, startOperation } from './lock';
import { updatePreviewComment } from './pr-comment';
import { loadPreview } from './preview';
import { type OperationResult, type PreconditionFailure, preconditionsRefusal } from './result';
import { refuseUnlessRole } from './roles';
import { runSteps, type Step } from './runner';
import { callSeedHook, seedHookSecret } from './seed-hook';
import { type Actor, operationActor } from '@/lib/domain/actor';
import { nowOf, type OperationClients } from './types';

const reseedInput = z.object({
  environmentId: id,
  idempotencyKey: idempotencyKey.optional(),
  reason: reason.optional(),
});

/** What a live preview needs before its database can be reset: a branch that still exists. */
export function reseedPreconditions(
  preview: Pick<EnvironmentContext, 'environment' | 'dbBranch'>,
): PreconditionFailure[] {
  const { environment, dbBranch } = preview;
  if (dbBranch && dbBranch.state !== 'deleted') return [];
  return [
    {
      precondition: 'database_branch',
      message: `${environment.name} has no database branch to reset`,
    },
  ];
}

/**
 * Gives a preview fresh data: its Neon branch is reset from its parent's head, then the
 * project's seed hook (if set) is called with the branch, signed with SEED_HOOK_SECRET (see
 * seed-hook.ts), and the sticky comment says so.
 */
export async function reseed(
  db: Database,
  clients: OperationClients,
  actor: Actor,
  input: z.input<typeof reseedInput>,
): Promise<OperationResult> {
  const denied = refuseUnlessRole(actor, 'developer', "reseed a preview's database");
  if (denied) return denied;
  const parsed = parseInput(reseedInput, input);
  if (!parsed.ok) return parsed;
  const preview = await loadPreview(db, parsed.data.environmentId, 'reseeded', actor.projectId);
  if (isRefusal(preview)) return preview;
  const { environment, project, pullRequest, dbBranch } = preview;
  const hook = project.seedHookUrl;
  const signing = seedHookSecret();
  const failures = reseedPreconditions(preview);
  // Refused before anything is reset: production never calls the hook unsigned.
  if (hook && signing.refusal) failures.push(signing.refusal);
  if (failures.length > 0 || !dbBranch) return preconditionsRefusal(failures);

  const now = nowOf(clients);
  const clock = () => nowOf(clients);
  const steps: Step[] = [
    {
      name: 'neon-reset',
      run: async (after) => {
        const change = await clients.neon.resetBranchToParent(dbBranch.neonBranchId);
        await clients.neon.waitForOperations(change.operations);
        const resetAt = clock();
        await markDbBranchReset(db, dbBranch.id, resetAt);
        after.lastResetAt = resetAt.toISOString();
      },
    },
  ];
  if (hook) {
    steps.push({
      name: 'seed-hook',
      run: async (after) => {
        const payload = {
          event: 'preview.reseeded',
          environment: environment.slug,
          gitBranch: environment.gitBranch,
          pullRequest: pullRequest?.number ?? null,
          databaseBranch: dbBranch.name,
          neonBranchId: dbBranch.neonBranchId,
        };
        const options = { secret: signing.secret, now: clock(), fetch: clients.fetch };
        after.seedHook = await callSeedHook(hook, payload, options);
      },
    });
  }
  steps.push({
    name: 'pr-comment',
    run: async (after) => {
      const note = hook
        ? 'Database reset from its parent and reseeded'
        : 'Database reset from its parent';
      after.prCommentId = (await updatePreviewComment(db, clients, environment.id, note)) ?? null;
    },
  });
  return startOperation(
    db,
    {
      projectId: project.id,
      environmentId: environment.id,
      kind: 'reseed',
      state: 'running',
      idempotencyKey: parsed.data.idempotencyKey ?? `reseed:${randomUUID()}`,
      ...operationActor(actor),
      reason: parsed.data.reason ?? null,
      before: { dbBranch: dbBranch.name, lastResetAt: dbBranch.lastResetAt?.toISOString() ?? null },
      requestedAt: now,
      startedAt: now,
    },
    environment.name,
    (operation) => runSteps(db, operation, steps, { hooks: clients.hooks, now: clock }),
  );
}
