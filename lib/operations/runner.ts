import type { Database } from '@/db/client';
import { OPERATION_NOUN } from '@/lib/domain/operation-names';
import type { Operation } from '@/db/schema';
import { setOperationStep, transitionOperation } from '@/db/writes/operations';
import { log } from '@/lib/observability/log';
import { inSpan } from '@/lib/observability/trace';
import { evaluateAlertsSoon, RULES_AFTER } from '@/lib/alerts/trigger';
import { ProviderError } from '@/lib/providers/errors';
import { describeError, refuse, type OperationResult } from './result';

/**
 * The step runner every operation goes through: each step is recorded in `operations.step`
 * while in flight and again once done, with what it changed in `after`, so a crash leaves a row
 * that says how far it got (see recover.ts). A failing step ends the operation `failed` with
 * the step's name and the provider's reason; nothing is left half-done without saying so.
 */

export interface Step {
  name: string;
  /** Adds what it changed to `after`, which is saved with the step. */
  run: (after: Record<string, unknown>) => Promise<void>;
}

export interface StepHooks {
  /**
   * Called before each step. Throwing ProcessInterrupted emulates the process dying there: the
   * row stays `running` as a real crash would leave it.
   */
  beforeStep?: (operation: Operation, step: string) => void | Promise<void>;
}

/** The process stopped between two steps; thrown by a hook, never caught by the runner. */
export class ProcessInterrupted extends Error {
  constructor(step: string) {
    super(`interrupted before step ${step}`);
    this.name = 'ProcessInterrupted';
  }
}

export interface RunOptions {
  hooks?: StepHooks;
  now: () => Date;
  /** Best-effort clean-up after a failed step, e.g. a failure commit status. */
  onFailure?: (reason: string) => Promise<void>;
}

/** Runs an `approved` or `running` operation's steps to `succeeded` or `failed`. */
export async function runSteps(
  db: Database,
  operation: Operation,
  steps: readonly Step[],
  options: RunOptions,
): Promise<OperationResult> {
  const running =
    operation.state === 'running'
      ? operation
      : await transitionOperation(db, operation.id, ['approved'], {
          state: 'running',
          startedAt: options.now(),
        });
  if (!running) {
    return refuse(
      'not_awaiting_approval',
      `This ${OPERATION_NOUN[operation.kind]} has already been started.`,
    );
  }
  const after: Record<string, unknown> = { ...(running.after ?? {}) };
  for (const step of steps) {
    await options.hooks?.beforeStep?.(running, step.name);
    await setOperationStep(db, running.id, step.name, after);
    try {
      await inSpan('operation.step', stepAttributes(running, step.name), () => step.run(after));
    } catch (error) {
      if (error instanceof ProcessInterrupted) throw error;
      return fail(db, running, `${step.name}: ${stepFailure(error)}`, after, options);
    }
    await setOperationStep(db, running.id, `${step.name}: done`, after);
  }
  const finished = await transitionOperation(db, running.id, ['running'], {
    state: 'succeeded',
    step: 'done',
    after,
    finishedAt: options.now(),
  });
  if (finished) log.info('operation succeeded', { operationId: running.id, kind: running.kind });
  await alertsAfter(db, running);
  return finished
    ? { ok: true, operation: finished }
    : refuse('failed', `This ${OPERATION_NOUN[running.kind]} was finished elsewhere while it ran.`);
}

function stepAttributes(operation: Operation, step: string) {
  return {
    'envboard.operation.id': operation.id,
    'envboard.operation.kind': operation.kind,
    'envboard.operation.step': step,
  };
}

async function fail(
  db: Database,
  operation: Operation,
  reason: string,
  after: Record<string, unknown>,
  options: RunOptions,
): Promise<OperationResult> {
  let error = reason;
  if (options.onFailure) {
    await options.onFailure(reason).catch((cleanup: unknown) => {
      error = `${reason} (and then: ${describeError(cleanup)})`;
    });
  }
  const failed = await transitionOperation(db, operation.id, ['running'], {
    state: 'failed',
    error,
    after,
    finishedAt: options.now(),
  });
  log.warn('operation failed', { operationId: operation.id, kind: operation.kind, reason: error });
  await alertsAfter(db, operation);
  return refuse('failed', `The ${OPERATION_NOUN[operation.kind]} failed: ${error}`, {
    operation: failed ?? operation,
  });
}

/** The kinds whose end an alert rule watches: a release, or a preview's provisioning. */
const ALERTED_KINDS: ReadonlySet<Operation['kind']> = new Set(['promote', 'rollback', 'provision']);

function alertsAfter(db: Database, operation: Operation): Promise<void> {
  if (!ALERTED_KINDS.has(operation.kind)) return Promise.resolve();
  return evaluateAlertsSoon(db, operation.projectId, RULES_AFTER.operation);
}

/**
 * The reason a failed step records: a provider's own words, or the step's; anything else (a
 * database error, a bug) is logged and recorded without its detail, which is not for the UI.
 */
function stepFailure(error: unknown): string {
  if (error instanceof ProviderError || error instanceof StepRefused) return error.message;
  log.error('operation step failed', error);
  return 'internal error; the server log has the detail';
}

/** A step that found the world not as the operation needs it: fails with this message. */
export class StepRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepRefused';
  }
}
