import type { DatabaseHandle } from '@/db/client';
import { deleteProject } from '@/db/writes';
import {
  type OperationClients,
  type OperationResult,
  provision,
  deletePreview,
  requestPromotion,
  reseed,
  rollback,
} from '@/lib/operations';
import { buildWorld, openPullRequest, stagingRelease } from '@/tests/integration/operations/world';
import { percentile } from './load';

/**
 * envboard's own time per operation against the sandboxes: each operation's wall time minus
 * the time spent inside provider client calls (HTTP round trips to the sandbox and its
 * simulated delays, client-side polling included), which leaves the database work, the gate,
 * the step bookkeeping and the code in between. Prints p50/p95 per operation; asserts nothing.
 */

const OWN_TIME_BUDGET_MS = 50;

export interface OperationTiming {
  operation: string;
  samples: number;
  ownP50: number;
  ownP95: number;
  totalP50: number;
  totalP95: number;
}

/** Wraps each client so every async method call adds its duration to `spent.ms`. */
function timedClients(clients: OperationClients, spent: { ms: number }): OperationClients {
  const wrap = <T extends object>(client: T): T =>
    new Proxy(client, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            spent.ms += performance.now() - started;
          }
        };
      },
    });
  return {
    ...clients,
    github: wrap(clients.github),
    vercel: wrap(clients.vercel),
    neon: wrap(clients.neon),
  };
}

/**
 * Runs each operation `iterations` times in a project of its own inside `handle`'s database
 * (deleted afterwards) against fresh sandboxes, and prints the figures.
 */
export async function benchOperations(
  handle: DatabaseHandle,
  {
    iterations = 20,
    log = console.log,
  }: { iterations?: number; log?: (line: string) => void } = {},
): Promise<OperationTiming[]> {
  const prefix = `bench-operations-${Date.now()}`;
  const world = await buildWorld({ ...handle, close: async () => {} }, { prefix });
  const spent = { ms: 0 };
  const clients = timedClients(world.clients, spent);
  const samples = new Map<string, { own: number[]; total: number[] }>();
  const measure = async (name: string, run: () => Promise<OperationResult>) => {
    spent.ms = 0;
    const started = performance.now();
    const result = await run();
    const total = performance.now() - started;
    if (!result.ok) throw new Error(`${name} did not succeed: ${result.message}`);
    const entry = samples.get(name) ?? { own: [], total: [] };
    entry.own.push(total - spent.ms);
    entry.total.push(total);
    samples.set(name, entry);
    return result.operation;
  };
  const releaseManager = world.actor(world.users.release_manager, 'release_manager');
  const developer = world.actor(world.users.developer, 'developer');

  try {
    for (let i = 0; i < iterations; i++) {
      const previous = (await world.db.query.environments.findFirst({
        where: (e, { eq }) => eq(e.id, world.production.id),
      }))!.currentDeploymentId!;
      const release = await stagingRelease(world);
      await measure('promote', () =>
        requestPromotion(world.db, clients, releaseManager, {
          deploymentId: release.id,
          reason: 'bench',
          idempotencyKey: `${prefix}-promote-${i}`,
        }),
      );
      await measure('rollback', () =>
        rollback(world.db, clients, releaseManager, {
          targetDeploymentId: previous,
          reason: 'bench',
        }),
      );
      const pr = await openPullRequest(world, `${prefix}-feature-${i}`);
      await measure('provision', () => provision(world.db, clients, { pullRequest: pr }));
      const environment = (await world.db.query.environments.findFirst({
        where: (e, { eq }) => eq(e.pullRequestId, pr.id),
      }))!;
      await measure('reseed', () =>
        reseed(world.db, clients, developer, { environmentId: environment.id }),
      );
      await measure('delete', () =>
        deletePreview(world.db, clients, developer, { environmentId: environment.id }),
      );
    }
  } finally {
    await world.close();
    await deleteProject(handle.db, world.project.slug);
  }

  const rows = [...samples].map(([operation, { own, total }]) => ({
    operation,
    samples: own.length,
    ownP50: percentile(own, 0.5),
    ownP95: percentile(own, 0.95),
    totalP50: percentile(total, 0.5),
    totalP95: percentile(total, 0.95),
  }));
  const ms = (value: number) => value.toFixed(1).padStart(9);
  log(
    `\noperations against the sandboxes, ${iterations} runs each (ms; own = total − provider calls)`,
  );
  log(
    `operation     own p50   own p95  total p50 total p95  P6 (own p95 < ${OWN_TIME_BUDGET_MS} ms)`,
  );
  for (const row of rows) {
    const verdict = row.ownP95 < OWN_TIME_BUDGET_MS ? 'ok' : 'OVER';
    log(
      `${row.operation.padEnd(11)}${ms(row.ownP50)} ${ms(row.ownP95)} ${ms(row.totalP50)} ${ms(row.totalP95)}  ${verdict}`,
    );
  }
  return rows;
}
