import type { DatabaseHandle } from '@/db/client';
import type { GitHubClient } from '@/lib/providers/github/types';
import type { NeonClient } from '@/lib/providers/neon/client';
import type { VercelClient } from '@/lib/providers/vercel/client';
import type { Env } from '@/lib/settings/env';
import { describeSyncError } from '@/lib/sync/run-sync';

/** One line of the doctor's report: what was checked, whether it holds, and how to fix it. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

/**
 * What the checks read: the settings, the database and the provider clients, each built on
 * first use from the same settings the app uses, so a check fails (not the doctor) when one
 * cannot be built.
 */
export interface DoctorContext {
  env: Env;
  now: Date;
  database: () => DatabaseHandle;
  github: () => GitHubClient;
  vercel: () => VercelClient;
  neon: () => NeonClient;
  /** vercel.json as deployed. */
  vercelConfig: unknown;
}

export const pass = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });

export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  name,
  ok: false,
  detail,
  fix,
});

/** Runs one check; anything it throws is its ✗, with the fix `onError` gives for that error. */
export async function runCheck(
  name: string,
  check: () => Promise<CheckResult> | CheckResult,
  onError: (error: unknown) => string,
): Promise<CheckResult> {
  try {
    return await check();
  } catch (error) {
    return fail(name, describeSyncError(error), onError(error));
  }
}

/** The HTTP status a provider answered a failed call with, if it answered. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
