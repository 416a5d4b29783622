import type { Operation } from '@/db/schema';
import type { GitHubClient } from '@/lib/providers/github/types';
import type { NeonClient } from '@/lib/providers/neon/client';
import type { VercelClient } from '@/lib/providers/vercel/client';
import type { StepHooks } from './runner';

/**
 * The provider clients an operation drives (the server passes `providers` from
 * lib/wiring/provider-clients), plus what tests and the bench may set instead of the defaults.
 */
export interface OperationClients {
  github: GitHubClient;
  vercel: VercelClient;
  neon: NeonClient;
  /** The clock; real time unless told. */
  now?: () => Date;
  /** For the project's seed hook; the global fetch unless told. */
  fetch?: typeof fetch;
  /** Observes (or, in tests, interrupts) the step runner. */
  hooks?: StepHooks;
}

export const nowOf = (clients: Pick<OperationClients, 'now'>): Date =>
  clients.now ? clients.now() : new Date();

export type { Operation };
