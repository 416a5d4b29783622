import { randomUUID } from 'node:crypto';

/**
 * Neon's asynchronous operations, emulated: each one is scheduled when a mutating call is made
 * and is `running` until its simulated duration has passed, then `finished` (or `failed` when a
 * test asked for it). Status is computed on read, so no timers outlive a test.
 */

export interface SandboxOperation {
  id: string;
  projectId: string;
  branchId: string;
  endpointId?: string;
  action: string;
  createdAt: number;
  startsAt: number;
  finishesAt: number;
  fails: boolean;
}

export class OperationLog {
  readonly all: SandboxOperation[] = [];
  private failures = 0;

  constructor(
    private readonly durationMs: number,
    private readonly now: () => number,
  ) {}

  /** The next `count` operations end `failed`, as a broken compute start would. */
  failNext(count = 1): void {
    this.failures += count;
  }

  /** Schedules actions to run one after another; returns them and when the last one ends. */
  schedule(
    projectId: string,
    branchId: string,
    actions: { action: string; endpointId?: string }[],
  ): { operations: SandboxOperation[]; doneAt: number } {
    const now = this.now();
    let startsAt = now;
    const operations = actions.map(({ action, endpointId }) => {
      const fails = this.failures > 0;
      if (fails) this.failures--;
      const operation = {
        id: randomUUID(),
        projectId,
        branchId,
        endpointId,
        action,
        createdAt: now,
        startsAt,
        finishesAt: startsAt + this.durationMs,
        fails,
      };
      startsAt = operation.finishesAt;
      this.all.push(operation);
      return operation;
    });
    return { operations, doneAt: startsAt };
  }

  find(id: string): SandboxOperation | undefined {
    return this.all.find((operation) => operation.id === id);
  }

  toWire(operation: SandboxOperation) {
    const now = this.now();
    const status =
      now < operation.startsAt
        ? 'scheduling'
        : now < operation.finishesAt
          ? 'running'
          : operation.fails
            ? 'failed'
            : 'finished';
    const done = status === 'finished' || status === 'failed';
    return {
      id: operation.id,
      project_id: operation.projectId,
      branch_id: operation.branchId,
      ...(operation.endpointId ? { endpoint_id: operation.endpointId } : {}),
      action: operation.action,
      status,
      ...(status === 'failed' ? { error: 'sandbox: injected operation failure' } : {}),
      failures_count: status === 'failed' ? 1 : 0,
      created_at: new Date(operation.createdAt).toISOString(),
      updated_at: new Date(done ? operation.finishesAt : now).toISOString(),
      total_duration_ms: done ? operation.finishesAt - operation.startsAt : 0,
    };
  }
}
