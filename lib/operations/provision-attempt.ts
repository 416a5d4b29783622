import type { Database } from '@/db/client';
import {
  getProvisionHistories,
  PROVISION_RETRY_SUFFIX,
  type ProvisionHistory,
} from '@/db/queries/provision-attempts';
import type { Operation, PullRequest } from '@/db/schema';
import { provisionRetryAt } from '@/lib/domain/provision-retry';

/** One provision per pull request head: a new push is a new operation, a redelivery is not. */
export function provisionKey(pullRequest: Pick<PullRequest, 'projectId' | 'number' | 'headSha'>) {
  return `provision:${pullRequest.projectId}:${pullRequest.number}:${pullRequest.headSha}`;
}

/**
 * Whether a head's provisioning is to run now, and under which idempotency key: the head's own
 * key the first time, `<key>:retry-<n>` after n failures once the backoff has passed. A head
 * with a provisioning in flight or done is not run again (the same operation answers).
 */
export type ProvisionAttempt =
  { due: true; idempotencyKey: string } | { due: false; operation: Operation; retryAt?: Date };

export function nextProvisionAttempt(
  baseKey: string,
  history: ProvisionHistory | undefined,
  now: Date,
): ProvisionAttempt {
  if (history?.settled) return { due: false, operation: history.settled };
  const lastFailed = history?.lastFailed;
  if (!history || !lastFailed) return { due: true, idempotencyKey: baseKey };
  const retryAt = provisionRetryAt(
    history.failures,
    lastFailed.finishedAt ?? lastFailed.requestedAt,
  );
  if (now < retryAt) return { due: false, operation: lastFailed, retryAt };
  return { due: true, idempotencyKey: `${baseKey}${PROVISION_RETRY_SUFFIX}${history.failures}` };
}

/** nextProvisionAttempt for many pull requests of one project, in one query. */
export async function provisionAttempts(
  db: Database,
  projectId: number,
  pullRequests: readonly PullRequest[],
  now: Date,
): Promise<Map<number, ProvisionAttempt>> {
  const keys = pullRequests.map(provisionKey);
  const histories = await getProvisionHistories(db, projectId, keys);
  return new Map(
    pullRequests.map((pullRequest, index) => [
      pullRequest.id,
      nextProvisionAttempt(keys[index]!, histories.get(keys[index]!), now),
    ]),
  );
}
