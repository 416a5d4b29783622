import { type CheckResult, type DoctorContext, fail } from './check';
import { checkCrons } from './crons';
import { checkDatabase } from './database';
import { checkGitHub, checkNeon, checkVercel } from './providers';
import { checkSyncs } from './syncs';
import { checkPublicUrl, checkVariables } from './variables';
import { checkGitHubWebhook, checkVercelWebhook } from './webhooks';

export type { CheckResult, DoctorContext } from './check';

/**
 * Every check `npm run doctor` and the Setup page run, in the order a fix is best made: the
 * database and settings first, then what they reach. The checks only read.
 */
export async function runDoctor(context: DoctorContext): Promise<CheckResult[]> {
  const database = await checkDatabase(context);
  const databaseReady = database.every((result) => result.ok);
  const rest = await Promise.all([
    checkGitHub(context),
    checkVercel(context),
    checkNeon(context),
    checkGitHubWebhook(context),
    checkVercelWebhook(context),
    checkCrons(context),
    databaseReady
      ? checkSyncs(context)
      : fail(
          'Syncs',
          'not checked: the database is not ready',
          'Fix the database lines above first.',
        ),
  ]);
  return [...database, checkVariables(context), checkPublicUrl(context), ...rest];
}

/** The report as `npm run doctor` prints it: ✓ or ✗ per line, the fix under each ✗. */
export function formatReport(results: readonly CheckResult[]): string {
  return results
    .map((result) =>
      result.ok
        ? `✓ ${result.name}: ${result.detail}`
        : `✗ ${result.name}: ${result.detail}\n    fix: ${result.fix ?? 'see docs/deploy.md'}`,
    )
    .join('\n');
}
