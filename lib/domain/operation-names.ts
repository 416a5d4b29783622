import { apiTokenActorName } from './api-tokens';
import type { OperationKind, OperationState } from './audit';

/*
 * How messages name operations and what they act on. A message names things as a person does
 * (a pull request's preview, an environment, a deployment by its commit), never by a row id.
 */

/** An operation as a noun in a sentence: "a promotion by @sofia-reyes is running". */
export const OPERATION_NOUN: Record<OperationKind, string> = {
  provision: 'provisioning',
  promote: 'promotion',
  rollback: 'rollback',
  reseed: 'reseed',
  delete: 'deletion',
  cleanup: 'cleanup',
  membership: 'role change',
  pin: 'pin',
  freeze: 'freeze',
  api_token: 'API token change',
  alert_channel: 'alert channel change',
};

const STATE_PHRASE: Partial<Record<OperationState, string>> = {
  requested: 'waiting for approval',
  approved: 'approved and about to run',
  running: 'running',
};

/** A deployment by its commit: "3f9c2ab feat: checkout retries" (the message's first line). */
export function commitTitle(deployment: { commitSha: string; commitMessage: string }): string {
  const title = deployment.commitMessage.split('\n')[0]!.trim();
  return `${deployment.commitSha.slice(0, 7)} ${title}`.trim();
}

/** The operation holding an environment: "a promotion by @sofia-reyes is waiting for approval". */
export function describeHolder(active: {
  kind: OperationKind;
  state: OperationState;
  actorLogin: string | null;
  actorTokenName?: string | null;
}): string {
  const by = active.actorLogin
    ? `@${active.actorLogin}`
    : active.actorTokenName
      ? apiTokenActorName(active.actorTokenName)
      : 'envboard';
  return `a ${OPERATION_NOUN[active.kind]} by ${by} is ${STATE_PHRASE[active.state] ?? active.state}`;
}

/**
 * What an operation acts on, as its progress and toasts name it: "PR #1292" for a preview's,
 * "3f9c2ab feat: checkout retries" for a promotion (the deployment it promotes), "Production to
 * 3f9c2ab feat: …" for a rollback, "@login" for a role change.
 */
export function operationSubject(
  operation: { kind: OperationKind; after: Record<string, unknown> | null },
  facts: {
    environmentName: string | null;
    deployment?: { commitSha: string; commitMessage: string };
  },
): string {
  const environment = facts.environmentName ?? 'the project';
  switch (operation.kind) {
    case 'promote':
      return facts.deployment ? commitTitle(facts.deployment) : `a deployment to ${environment}`;
    case 'rollback':
      return facts.deployment ? `${environment} to ${commitTitle(facts.deployment)}` : environment;
    case 'membership': {
      const member = operation.after?.member;
      return typeof member === 'string' ? `@${member}` : 'a member';
    }
    case 'cleanup':
      return 'previews';
    case 'api_token': {
      const token = operation.after?.token;
      return typeof token === 'string' ? `API token ${token}` : 'an API token';
    }
    default:
      return environment;
  }
}
