import { GITHUB_HOOK_EVENTS } from '@/lib/domain/webhook-events';
import { json, type Router } from '../http/server';
import { notFound } from './protocol';
import type { WebhookSender } from '../http/webhook-sender';
import { HOOK_ID } from './delivery';
import { repoOf, type World } from './world';

type On = Router['on'];

/**
 * The repository as its admin sees it, and its one webhook: the URL the sandbox delivers to is
 * the hook GitHub would hold, with the answer to its last delivery
 * (https://docs.github.com/en/rest/repos/webhooks#list-repository-webhooks).
 */
export function hookRoutes(world: World, on: On, webhooks: WebhookSender): void {
  const base = '/repos/:owner/:repo';
  // The hook exists from the sandbox's start, as one registered when the app was deployed.
  const registeredAt = world.now().toISOString();

  on('GET', base, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    if (!repo) return notFound();
    return json(200, {
      ...world.wire.repository(repo),
      has_discussions: false,
      network_count: 0,
      subscribers_count: 1,
      // The sandbox's token is the repository's admin.
      permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    });
  });

  on('GET', `${base}/hooks`, (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    if (!repo) return notFound();
    const target = webhooks.target;
    if (!target) return json(200, []);
    const api = world.wire.api(repo, `/hooks/${HOOK_ID}`);
    return json(200, [
      {
        type: 'Repository',
        id: Number(HOOK_ID),
        name: 'web',
        active: true,
        events: [...GITHUB_HOOK_EVENTS],
        config: { content_type: 'json', insecure_ssl: '0', url: target },
        updated_at: registeredAt,
        created_at: registeredAt,
        url: api,
        test_url: `${api}/test`,
        ping_url: `${api}/pings`,
        deliveries_url: `${api}/deliveries`,
        last_response: lastResponse(webhooks),
      },
    ]);
  });
}

/** GitHub's `last_response`: `unused` before the first delivery, else the receiver's answer. */
function lastResponse(webhooks: WebhookSender) {
  const attempt = webhooks.lastAttempt;
  if (!attempt) return { code: null, status: 'unused', message: null };
  if (attempt.status === undefined) {
    return { code: null, status: 'failed', message: attempt.error ?? 'unreachable' };
  }
  const ok = attempt.status >= 200 && attempt.status < 300;
  return { code: attempt.status, status: ok ? 'active' : 'failed', message: ok ? 'OK' : null };
}
