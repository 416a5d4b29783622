import { webhookHealth, type WebhookHealth } from '@/db/queries/webhook-health';
import type { WebhookProvider } from '@/lib/domain/admin';
import {
  GITHUB_HOOK_EVENTS,
  VERCEL_HOOK_EVENTS,
  webhookEndpointsFor,
} from '@/lib/domain/webhook-events';
import { type CheckResult, type DoctorContext, fail, pass, runCheck, statusOf } from './check';
import { vercelProjectIdOf } from './providers';
import { appUrlOf } from './variables';

const GITHUB = 'GitHub webhook';
const VERCEL = 'Vercel webhook';

/** The events a hook must send that it does not (`*` sends every event). */
const lackedEvents = (events: readonly string[], needed: readonly string[]) =>
  events.includes('*') ? [] : needed.filter((event) => !events.includes(event));

/**
 * envboard's own record of a provider's deliveries: the newest must not have failed to apply.
 * Before the first event nothing is wrong yet, as with a sync that has not run.
 */
function deliveriesSay(health: WebhookHealth): { ok: boolean; detail: string } {
  if (!health.latest) return { ok: true, detail: 'no delivery received yet' };
  if (health.latest.status === 'failed' || health.latest.status === 'malformed') {
    return { ok: false, detail: `the newest delivery ${health.latest.status}` };
  }
  return health.lastAppliedAt
    ? { ok: true, detail: `last applied ${health.lastAppliedAt.toISOString()}` }
    : { ok: true, detail: `newest delivery ${health.latest.status}` };
}

async function storedDeliveries(context: DoctorContext, provider: WebhookProvider) {
  return deliveriesSay(await webhookHealth(context.database().db, provider));
}

function expectedUrl(context: DoctorContext, provider: WebhookProvider): string | undefined {
  const appUrl = appUrlOf(context.env);
  return appUrl ? webhookEndpointsFor(appUrl)[provider] : undefined;
}

const noUrl = (name: string) =>
  fail(name, 'no public URL to compare with', 'Set NEXTAUTH_URL first (see its line above).');

/** The repository has an active hook at this deployment's URL whose last delivery was accepted. */
export function checkGitHubWebhook(context: DoctorContext): Promise<CheckResult> {
  const fix = (url: string) =>
    `In the repository's Settings → Webhooks, add ${url} (content type application/json, the secret in GITHUB_WEBHOOK_SECRET, events: ${GITHUB_HOOK_EVENTS.join(', ')}).`;
  return runCheck(
    GITHUB,
    async () => {
      const url = expectedUrl(context, 'github');
      if (!url) return noUrl(GITHUB);
      const hook = (await context.github().listRepositoryHooks()).find(
        (candidate) => candidate.url === url && candidate.active,
      );
      if (!hook) return fail(GITHUB, `no active hook sends to ${url}`, fix(url));
      const lacked = lackedEvents(hook.events, GITHUB_HOOK_EVENTS);
      if (lacked.length > 0) {
        return fail(GITHUB, `the hook does not send ${lacked.join(', ')}`, fix(url));
      }
      const { code, status, message } = hook.lastResponse;
      if (status !== 'unused' && (code === null || code < 200 || code >= 300)) {
        const answer = code === null ? (message ?? 'no answer') : `HTTP ${code}`;
        return fail(
          GITHUB,
          `its last delivery got ${answer}`,
          code === 401
            ? 'The hook’s secret and GITHUB_WEBHOOK_SECRET differ: set the same value in both.'
            : `Check that ${url} is reachable from GitHub; redeliver from the hook's Recent Deliveries.`,
        );
      }
      const stored = await storedDeliveries(context, 'github');
      if (!stored.ok) {
        return fail(
          GITHUB,
          stored.detail,
          'Open Deliveries in envboard for the error, then replay it.',
        );
      }
      const last = status === 'unused' ? 'no delivery yet' : `last delivery HTTP ${code}`;
      return pass(GITHUB, `${url}: ${last}; ${stored.detail}`);
    },
    (error) =>
      statusOf(error) === 404 || statusOf(error) === 403
        ? "The token cannot read the repository's webhooks: it needs admin (fine-grained: Webhooks read)."
        : 'Check GITHUB_TOKEN and that the GitHub API is reachable.',
  );
}

/** A Vercel webhook for this project sends to this deployment's URL, and deliveries apply. */
export function checkVercelWebhook(context: DoctorContext): Promise<CheckResult> {
  const fix = (url: string) =>
    `In the Vercel team's Settings → Webhooks, add ${url} for this project (events: ${VERCEL_HOOK_EVENTS.join(', ')}) and set its secret as VERCEL_WEBHOOK_SECRET.`;
  return runCheck(
    VERCEL,
    async () => {
      const url = expectedUrl(context, 'vercel');
      if (!url) return noUrl(VERCEL);
      const projectId = await vercelProjectIdOf(context);
      if (!projectId) return fail(VERCEL, 'no Vercel project to check', 'Set VERCEL_PROJECT_ID.');
      const hook = (await context.vercel().listWebhooks(projectId)).find(
        (candidate) => candidate.url === url,
      );
      if (!hook) return fail(VERCEL, `no webhook sends to ${url}`, fix(url));
      const lacked = lackedEvents(hook.events, VERCEL_HOOK_EVENTS);
      if (lacked.length > 0) {
        return fail(VERCEL, `the webhook does not send ${lacked.join(', ')}`, fix(url));
      }
      const stored = await storedDeliveries(context, 'vercel');
      if (!stored.ok) {
        return fail(
          VERCEL,
          stored.detail,
          'Open Deliveries in envboard for the error, then replay it.',
        );
      }
      return pass(VERCEL, `${url}: ${stored.detail}`);
    },
    () =>
      'Check VERCEL_TOKEN (it must see the team’s webhooks) and that the Vercel API is reachable.',
  );
}
