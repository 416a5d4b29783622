import { z } from 'zod';
import type { Database } from '@/db/client';
import { type EnvironmentContext, getEnvironmentContext } from '@/db/queries/operation-contexts';
import { PROVISION_RETRY_SUFFIX } from '@/db/queries/provision-attempts';
import type { Actor } from '@/lib/domain/actor';
import { environmentExclusion, exclusionSentence } from '@/lib/domain/preview-exclusion';
import { id, idempotencyKey, parseInput } from './input';
import { isRefusal } from './lock';
import { provisionable, runProvision } from './provision';
import { provisionKey } from './provision-attempt';
import { type OperationResult, type Refusal, refuse } from './result';
import { refuseUnlessRole } from './roles';

const provisionAgainInput = z.object({ environmentId: id, idempotencyKey });

/**
 * Why a preview cannot be provisioned again now, or undefined when it can: it must be a deleted
 * preview of an open pull request that may have one (not a fork's, not another environment's
 * branch). The operation and its button both ask this.
 */
export function provisionAgainRefusal(
  context: EnvironmentContext | undefined,
  environmentId: number,
): Refusal | undefined {
  if (!context) return refuse('not_found', `Environment ${environmentId} does not exist.`);
  const { environment, pullRequest } = context;
  if (environment.kind !== 'preview' || !pullRequest) {
    return refuse('not_a_preview', `${environment.name} is not the preview of a pull request.`);
  }
  if (environment.status !== 'deleted') {
    return refuse('invalid_input', `${environment.name} is not deleted.`);
  }
  if (pullRequest.state !== 'open') {
    return refuse('invalid_input', `Pull request #${pullRequest.number} is ${pullRequest.state}.`);
  }
  const exclusion = environmentExclusion({ ...environment, ...context });
  if (exclusion) {
    return refuse(
      'not_a_preview',
      exclusionSentence(environment.name, environment.gitBranch, exclusion),
    );
  }
  return undefined;
}

/**
 * A member brings back a preview deleted while its pull request was open, without waiting for
 * the next push: the same provisioning envboard runs on a push, recorded as theirs. Its key is
 * one of the head's retries (`<head key>:retry-again:<request>`), so once it succeeds the
 * provisioning sync counts the head as provisioned and does not run it a second time.
 */
export async function provisionAgain(
  db: Database,
  clients: Parameters<typeof runProvision>[1],
  actor: Actor,
  input: z.input<typeof provisionAgainInput>,
): Promise<OperationResult> {
  const denied = refuseUnlessRole(actor, 'developer', 'provision a preview again');
  if (denied) return denied;
  const parsed = parseInput(provisionAgainInput, input);
  if (!parsed.ok) return parsed;
  const { environmentId } = parsed.data;
  const found = await getEnvironmentContext(db, environmentId);
  const context = found?.project.id === actor.projectId ? found : undefined;
  const refused = provisionAgainRefusal(context, environmentId);
  if (refused) return refused;
  const pullRequest = context!.pullRequest!;
  const project = await provisionable(db, pullRequest);
  if (isRefusal(project)) return project;
  return runProvision(db, clients, project, pullRequest, {
    idempotencyKey: `${provisionKey(pullRequest)}${PROVISION_RETRY_SUFFIX}again:${parsed.data.idempotencyKey}`,
    actorId: actor.userId,
    reason: `provisioned again at ${pullRequest.headSha.slice(0, 7)}`,
  });
}
