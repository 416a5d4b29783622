import { ProviderError } from '../errors';
import { type PollPolicy, pollUntil } from '../poll';
import { failedStatuses, type NeonOperation, terminalStatuses } from './schemas';

/**
 * Neon answers a mutating call before the work is done: the `operations[]` it returns run on,
 * and a dependent call made too early gets 423 Locked. Polling each one until it is terminal,
 * with a growing pause, is what Neon's docs prescribe
 * (https://api-docs.neon.tech/reference/getprojectoperation).
 */

const TERMINAL: readonly string[] = terminalStatuses;

export async function pollUntilTerminal(
  operations: readonly NeonOperation[],
  fetchOne: (id: string) => Promise<NeonOperation>,
  sleep: (ms: number) => Promise<void>,
  policy: PollPolicy,
): Promise<NeonOperation[]> {
  const latest = new Map(operations.map((operation) => [operation.id, operation]));
  const running = () => [...latest.values()].filter((op) => !TERMINAL.includes(op.status));
  let first = true;
  const outcome = await pollUntil(
    async () => {
      // The statuses the mutating call returned are fresh: the first look needs no request.
      if (!first) for (const op of running()) latest.set(op.id, await fetchOne(op.id));
      first = false;
      return running().length === 0 ? [...latest.values()] : undefined;
    },
    sleep,
    policy,
  );
  if (!outcome.done) {
    const count = running().length;
    throw waitFailure(`${count} operation(s) still running after ${outcome.waitedMs} ms`, true);
  }
  const failed = outcome.value.find((op) => failedStatuses.includes(op.status));
  if (failed) {
    const why = failed.error ? `: ${failed.error}` : '';
    throw waitFailure(`operation ${failed.action} (${failed.id}) ${failed.status}${why}`, false);
  }
  return outcome.value;
}

function waitFailure(message: string, retryable: boolean): ProviderError {
  return new ProviderError({
    provider: 'neon',
    operation: 'waitForOperations',
    message,
    retryable,
  });
}
