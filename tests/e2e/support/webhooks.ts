import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { GITHUB_OWNER, GITHUB_REPO } from '@/lib/demo/team';
import { E2E_GITHUB_WEBHOOK_SECRET } from './webhook-secret';

/** Posts a body to /api/webhooks/github signed as GitHub signs it; answers the delivery id. */
export async function sendGitHubWebhook(
  request: APIRequestContext,
  event: string,
  body: string,
): Promise<{ deliveryId: string; status: number }> {
  const deliveryId = randomUUID();
  const signature = createHmac('sha256', E2E_GITHUB_WEBHOOK_SECRET).update(body).digest('hex');
  const response = await request.post('/api/webhooks/github', {
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': `sha256=${signature}`,
    },
    // A Buffer goes as it is; a string that is not JSON would be JSON-encoded first.
    data: Buffer.from(body),
  });
  return { deliveryId, status: response.status() };
}

/**
 * GitHub's own pull_request.opened example. Read through require: Playwright's loader does not
 * import JSON modules the way sandbox/github/examples.ts does.
 */
function pullRequestOpenedExample(): Record<string, unknown> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const definitions = require('@octokit/webhooks-examples') as {
    name: string;
    examples: { action?: string }[];
  }[];
  const example = definitions
    .find((definition) => definition.name === 'pull_request')
    ?.examples.find((candidate) => candidate.action === 'opened');
  if (!example) throw new Error('@octokit/webhooks-examples has no pull_request.opened example');
  return structuredClone(example) as Record<string, unknown>;
}

/**
 * A pull_request event for the demo project's repository that the board cannot store: its
 * created_at is no date, so applying it fails and the delivery is kept as failed.
 */
export function unstorablePullRequest(): string {
  const payload = pullRequestOpenedExample();
  (payload.repository as { full_name: string }).full_name = `${GITHUB_OWNER}/${GITHUB_REPO}`;
  const pull = payload.pull_request as { number: number; created_at: string };
  pull.number = 90_000 + Math.floor(Math.random() * 9_000);
  pull.created_at = 'not a date';
  return JSON.stringify(payload);
}
