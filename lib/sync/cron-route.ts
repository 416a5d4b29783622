import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { rulesAfterSyncs } from '@/lib/alerts/sync-rules';
import { evaluateAlertsSoon } from '@/lib/alerts/trigger';
import { errorResponse, HttpError, jsonResponse } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';
import { currentEnv } from '@/lib/settings/env';
import { cronSecret } from '@/lib/settings/settings';
import { providers } from '@/lib/wiring/provider-clients';
import { buildCronJob, cronSyncsOf } from './cron-syncs';
import { startSync, type SyncOutcome } from './run-sync';
import { log, requestFields } from '@/lib/observability/log';

/**
 * Vercel Cron calls each path in vercel.json `crons` with `Authorization: Bearer $CRON_SECRET`
 * (https://vercel.com/docs/cron-jobs/manage-cron-jobs#securing-cron-jobs). Anything else is
 * refused before any work, compared in constant time.
 */
export function isCronAuthorized(
  header: string | null,
  secret: string | undefined = cronSecret(),
): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What a cron route answers, from the outcome of each sync it started, in order. */
export type CronAnswer = (outcomes: SyncOutcome[]) => unknown;

/** `{ runs, refused }`: the finished runs, and each kind that did not run with the reason. */
export const runsAndRefusals: CronAnswer = (outcomes) => ({
  runs: outcomes.flatMap((outcome) => (outcome.ok ? [outcome.run] : [])),
  refused: outcomes.flatMap((outcome) =>
    outcome.ok ? [] : [{ kind: outcome.kind, reason: outcome.message }],
  ),
});

/** `{ runs }`, one entry per sync: its run, or `{ kind, skipped }` with the reason. */
export const runsOrSkipped: CronAnswer = (outcomes) => ({
  runs: outcomes.map((outcome) =>
    outcome.ok ? outcome.run : { kind: outcome.kind, skipped: outcome.message },
  ),
});

/** A route of one sync: `{ run }`, or `{ refused }` with the reason. */
export const wrappedRun: CronAnswer = ([outcome]) =>
  outcome?.ok ? { run: outcome.run } : { refused: outcome?.message };

/** A route of one sync: the run itself, or `{ refused }` with the reason. */
export const bareRun: CronAnswer = ([outcome]) =>
  outcome?.ok ? outcome.run : { refused: outcome?.message };

/**
 * Every /api/cron/* route: 503 without CRON_SECRET on the server, 401 without it in the request,
 * 404 when a sync needs the board's project and there is none; then each sync lib/sync/
 * cron-syncs.ts lists for the path runs, one after the other, as its own sync_runs row, through
 * the same runner as the Sync status page's Run now.
 */
export function cronRoute(
  cronPath: string,
  answer: CronAnswer = runsAndRefusals,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!cronSecret()) {
      return errorResponse(503, 'cron_not_configured', 'CRON_SECRET is not set on the server.');
    }
    if (!isCronAuthorized(request.headers.get('authorization'))) {
      return errorResponse(401, 'unauthorized', 'A valid cron secret is required.');
    }
    try {
      return jsonResponse(answer(await runCronSyncs(cronPath)));
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
      log.error(`cron ${new URL(request.url).pathname} failed`, error, requestFields(request));
      return errorResponse(500, 'internal_error', 'The sync failed; see the Sync status page.');
    }
  };
}

async function runCronSyncs(cronPath: string): Promise<SyncOutcome[]> {
  const db = getDatabase();
  const syncs = cronSyncsOf(cronPath);
  const project = syncs.every((sync) => sync.withoutProject)
    ? await getCurrentProject(db)
    : await requireProject(db);
  const outcomes: SyncOutcome[] = [];
  for (const sync of syncs) {
    const deps = { providers, project, env: currentEnv() };
    outcomes.push(await startSync(db, sync.kind, () => buildCronJob(sync, deps)));
  }
  if (project) {
    const ran = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.run.kind] : []));
    await evaluateAlertsSoon(db, project.id, rulesAfterSyncs(ran));
  }
  return outcomes;
}
