'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { RunNowResult, RunNowState } from '@/components/admin/run-now-button';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { rulesAfterSyncs } from '@/lib/alerts/sync-rules';
import { evaluateAlertsSoon } from '@/lib/alerts/trigger';
import { ActionFailure, guardedAction } from '@/lib/auth';
import { providers } from '@/lib/wiring/provider-clients';
import { currentEnv } from '@/lib/settings/env';
import { buildCronJob, cronSyncOf, SYNC_KINDS } from '@/lib/sync/cron-syncs';
import { startSync } from '@/lib/sync/run-sync';

const runNowInput = z.object({ kind: z.enum(SYNC_KINDS as [string, ...string[]]) });

const runNow = guardedAction(runNowInput, 'admin', async ({ kind }): Promise<RunNowResult> => {
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) throw new ActionFailure('no_project', 'There is no project to sync yet.');
  const deps = { providers, project, env: currentEnv() };
  // The cron route's runner: a provider the server has no settings for is skipped, named.
  const outcome = await startSync(db, kind, () => buildCronJob(cronSyncOf(kind)!, deps));
  if (!outcome.ok && outcome.code === 'not_configured') {
    throw new ActionFailure('not_configured', `${kind} cannot run: ${outcome.message}`);
  }
  if (!outcome.ok) throw new ActionFailure(outcome.code, outcome.message);
  const { run } = outcome;
  await evaluateAlertsSoon(db, project.id, rulesAfterSyncs([kind]));
  revalidatePath('/sync');
  return {
    kind,
    status: run.status,
    itemsSeen: run.itemsSeen,
    itemsChanged: run.itemsChanged,
    errors: run.errors,
  };
});

/**
 * Run one sync kind now, through the same job its cron route runs (admins only); refused, with
 * the reason, while a run of the kind is still going.
 */
export async function runSyncNowAction(_state: RunNowState, form: FormData): Promise<RunNowState> {
  return runNow(form);
}
