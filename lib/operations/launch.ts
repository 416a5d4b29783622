import 'server-only';
import { after } from 'next/server';
import { getDatabase } from '@/db/client';
import type { Operation } from '@/db/schema';
import { ActionFailure } from '@/lib/auth/guard';
import { type ProviderClients, providers } from '@/lib/wiring/provider-clients';
import type { OperationProgress } from '@/lib/domain/operation-progress';
import { progressOf } from './progress';
import type { OperationResult } from './result';
import type { OperationClients } from './types';
import { log } from '@/lib/observability/log';

/**
 * Runs an operation for a server action and answers as soon as it is under way: once its first
 * step starts, the action returns the running operation and the steps go on after the response
 * (`after`), while the browser polls GET /api/v1/operations/[id] for progress. An operation that
 * ends before a step starts (refused, waiting for approval, repeated) answers with its end.
 *
 * A refusal becomes an ActionFailure with the engine's code and sentence; an operation that ran
 * and failed is returned as it is, so the board shows which step failed and the provider's reason.
 */
export async function launchOperation(
  start: (clients: OperationClients) => Promise<OperationResult>,
  source: ProviderClients = providers,
): Promise<OperationProgress> {
  let started!: (operation: Operation) => void;
  const running = new Promise<Operation>((resolve) => (started = resolve));
  // Getters, so a provider is only configured when a step calls it.
  const clients: OperationClients = {
    get github() {
      return source.github;
    },
    get vercel() {
      return source.vercel;
    },
    get neon() {
      return source.neon;
    },
    hooks: { beforeStep: (operation) => started(operation) },
  };
  const finished = start(clients);
  const first = await Promise.race([
    finished.then((result) => ({ result })),
    running.then((operation) => ({ operation })),
  ]);
  if ('operation' in first) {
    after(() =>
      finished.catch((error: unknown) =>
        log.error(`operation #${first.operation.id} failed`, error),
      ),
    );
    return progressOfOne(first.operation);
  }
  const { result } = first;
  if (result.ok) return progressOfOne(result.operation);
  if (result.code === 'failed' && result.operation) return progressOfOne(result.operation);
  throw new ActionFailure(result.code, result.message);
}

async function progressOfOne(operation: Operation): Promise<OperationProgress> {
  const [progress] = await progressOf(getDatabase(), [operation]);
  return progress!;
}
