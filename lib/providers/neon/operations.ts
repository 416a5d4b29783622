import { ProviderError } from '../errors';
import { failedStatuses, type NeonOperation, terminalStatuses } from './schemas';

/**
 * Neon answers a mutating call before the work is done: the `operations[]` it returns run on,
 * and a dependent call made too early gets 423 Locked. Polling each one until it is terminal,
 * with a growing pause, is what Neon's docs prescribe (APIS.md B.5).
 */

export interface PollPolicy {
  initialMs: number;
  maxMs: number;
  /** Total pause allowed before giving up: a stuck operation fails the call, not the process. */
  timeoutMs: number;
}

export const DEFAULT_POLL: PollPolicy = { initialMs: 250, maxMs: 3_000, timeoutMs: 120_000 };

const TERMINAL: readonly string[] = terminalStatuses;

export async function pollUntilTerminal(
  operations: readonly NeonOperation[],
  fetchOne: (id: string) => Promise<NeonOperation>,
  sleep: (ms: number) => Promise<void>,
  policy: PollPolicy,
): Promise<NeonOperation[]> {
  const latest = new Map(operations.map((operation) => [operation.id, operation]));
  let pause = policy.initialMs;
  let waited = 0;
  for (;;) {
    const running = [...latest.values()].filter((op) => !TERMINAL.includes(op.status));
    if (running.length === 0) break;
    if (waited >= policy.timeoutMs) {
      throw waitFailure(`${running.length} operation(s) still running after ${waited} ms`, true);
    }
    await sleep(pause);
    waited += pause;
    pause = Math.min(policy.maxMs, Math.round(pause * 1.5));
    for (const operation of running) latest.set(operation.id, await fetchOne(operation.id));
  }
  const done = [...latest.values()];
  const failed = done.find((op) => failedStatuses.includes(op.status));
  if (failed) {
    const why = failed.error ? `: ${failed.error}` : '';
    throw waitFailure(`operation ${failed.action} (${failed.id}) ${failed.status}${why}`, false);
  }
  return done;
}

function waitFailure(message: string, retryable: boolean): ProviderError {
  return new ProviderError({
    provider: 'neon',
    operation: 'waitForOperations',
    message,
    retryable,
  });
}
