import 'server-only';
import { after } from 'next/server';
import type { Database } from '@/db/client';
import type { AlertRuleKey } from '@/lib/domain/alerts';
import { log } from '@/lib/observability/log';

/**
 * The rules a write can change, by the write: evaluated at once after it, so an alert does not
 * wait for the 5-minute cron. Which sync kinds feed which rules is in `rulesAfterSync`.
 */
export const RULES_AFTER = {
  /** A promote, rollback or provisioning finished (or failed). */
  operation: [
    'production_deploy_failed',
    'rollback_happened',
    'promotion_waiting',
    'preview_provision_failed',
  ],
  /** A production deployment failed, recovered or was rolled back (a Vercel webhook). */
  productionDeployment: ['production_deploy_failed', 'rollback_happened'],
  /** A freeze window was set or cleared. */
  freeze: ['freeze_window'],
} as const satisfies Record<string, readonly AlertRuleKey[]>;

/**
 * Evaluates `rules` for a project after a write, without failing or slowing it: inside a request
 * (a server action, a route) the work runs after the response through Next's `after()`; outside
 * one (a job, a test) it runs now and the returned promise settles when it is done. Errors are
 * logged, never thrown. `project` may be a lookup, which then also runs after the response.
 */
export function evaluateAlertsSoon(
  db: Database,
  project: number | (() => Promise<number | undefined>),
  rules: readonly AlertRuleKey[],
): Promise<void> {
  const run = async () => {
    try {
      const projectId = typeof project === 'number' ? project : await project();
      if (projectId === undefined) return;
      // Loaded on use: the evaluation reads the sync schedule, whose jobs import the operations
      // that call this helper, and a static import would close that circle.
      const { evaluateAlerts } = await import('./evaluate');
      await evaluateAlerts(db, { projectId, rules });
    } catch (error) {
      log.error('alert evaluation after a write failed', error);
    }
  };
  try {
    after(run);
    return Promise.resolve();
  } catch {
    // after() refuses outside a request scope: a cron job or a test runs the evaluation itself.
    return run();
  }
}
