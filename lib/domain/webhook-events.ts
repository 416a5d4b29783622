/**
 * The events envboard's webhook endpoints apply, which a registered webhook must send: the
 * GitHub repository hook's events and the Vercel webhook's event types.
 */
export const GITHUB_HOOK_EVENTS = ['pull_request', 'push', 'workflow_run', 'workflow_job'] as const;

export const VERCEL_HOOK_EVENTS = [
  'deployment.created',
  'deployment.succeeded',
  'deployment.error',
  'deployment.canceled',
  'deployment.promoted',
  'deployment.rollback',
] as const;

/** The webhook endpoints of the envboard served at `appUrl`. */
export function webhookEndpointsFor(appUrl: string) {
  const base = appUrl.replace(/\/+$/, '');
  return { github: `${base}/api/webhooks/github`, vercel: `${base}/api/webhooks/vercel` };
}
