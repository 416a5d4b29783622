import definitions from '@octokit/webhooks-examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/webhooks/github/route';
import type { DatabaseHandle } from '@/db/client';
import { createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import { deliveriesFor, githubRequest, useForRoutes } from './webhook-requests';

const EVENTS = [
  'pull_request',
  'push',
  'workflow_run',
  'workflow_job',
  'check_suite',
  'check_run',
  'deployment',
  'deployment_status',
  'status',
  'ping',
];

const examples = EVENTS.flatMap((event) =>
  definitions
    .find((definition) => definition.name === event)!
    .examples.map((payload, index) => ({
      name: `${event} #${index} ${(payload as { action?: string }).action ?? ''}`.trim(),
      event,
      payload: payload as Record<string, unknown>,
    })),
);

let handle: DatabaseHandle;
let restore: () => void;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useForRoutes(handle);
  // Every repository the examples name is connected, so the handled events are really applied.
  const repositories = new Set(
    examples
      .map(({ payload }) => (payload.repository as { full_name?: string } | undefined)?.full_name)
      .filter((name): name is string => Boolean(name)),
  );
  for (const fullName of repositories) {
    const [owner, repo] = fullName.split('/');
    await createProject(handle.db, { githubOwner: owner, githubRepo: repo });
  }
});
afterAll(async () => {
  restore?.();
  await handle?.close();
});

describe('every @octokit/webhooks-examples payload for the events envboard subscribes to', () => {
  test('there are examples for each event', () => {
    for (const event of EVENTS) expect(examples.some((e) => e.event === event)).toBe(true);
  });

  test.each(examples)('$name ingests as applied or ignored', async ({ event, payload, name }) => {
    const deliveryId = `example ${name}`;
    const response = await POST(githubRequest(event, payload, { deliveryId }));
    const body = await response.json();
    expect([200, 202], JSON.stringify(body)).toContain(response.status);
    const [stored] = await deliveriesFor(handle.db, deliveryId);
    expect(['applied', 'ignored'], stored?.error ?? '').toContain(stored?.status);
    if (['pull_request', 'workflow_run'].includes(event)) expect(stored?.status).toBe('applied');
  });
});
