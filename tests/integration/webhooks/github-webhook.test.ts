import definitions from '@octokit/webhooks-examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/webhooks/github/route';
import type { DatabaseHandle } from '@/db/client';
import { type Project, pullRequests } from '@/db/schema';
import { createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import { deliveriesFor, deliveryCount, githubRequest, githubSignature } from './webhook-requests';
import { useForRoutes } from './webhook-requests';

let handle: DatabaseHandle;
let restore: () => void;
let project: Project;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useForRoutes(handle);
  project = await createProject(db(), { githubOwner: 'acme', githubRepo: 'shop' });
});
afterAll(async () => {
  restore?.();
  await handle?.close();
});

/** GitHub's own opened pull_request example, moved into this test's repository. */
function pullRequestPayload(number: number, updatedAt: string, overrides: object = {}) {
  const example = structuredClone(
    definitions
      .find((d) => d.name === 'pull_request')!
      .examples.find((e) => (e as { action: string }).action === 'opened'),
  ) as unknown as Record<string, unknown> & { pull_request: Record<string, unknown> };
  return {
    ...example,
    repository: { ...(example.repository as object), full_name: 'acme/shop' },
    pull_request: { ...example.pull_request, number, updated_at: updatedAt, ...overrides },
  };
}

describe('signature', () => {
  const payload = () => pullRequestPayload(1, '2026-03-01T00:00:00Z');

  test.each([
    ['missing', () => null],
    ['wrong', () => `sha256=${'0'.repeat(64)}`],
    ['made with another secret', (body: string) => githubSignature(body, 'another-secret')],
  ])('a %s signature is 401 and nothing is stored', async (_, sign) => {
    const body = JSON.stringify(payload());
    const before = await deliveryCount(db());
    const response = await POST(
      githubRequest('pull_request', null, { body, signature: sign(body) }),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('invalid_signature');
    expect(await deliveryCount(db())).toBe(before);
  });

  test('a body changed after signing is 401 and nothing is stored', async () => {
    const body = JSON.stringify(payload());
    const tampered = body.replace('"opened"', '"closed"');
    const before = await deliveryCount(db());
    const response = await POST(
      githubRequest('pull_request', null, { body: tampered, signature: githubSignature(body) }),
    );
    expect(response.status).toBe(401);
    expect(await deliveryCount(db())).toBe(before);
  });

  test('without GITHUB_WEBHOOK_SECRET the route says it is not configured', async () => {
    const secret = process.env.GITHUB_WEBHOOK_SECRET;
    delete process.env.GITHUB_WEBHOOK_SECRET;
    try {
      const response = await POST(githubRequest('ping', { zen: 'hi' }));
      expect(response.status).toBe(503);
    } finally {
      process.env.GITHUB_WEBHOOK_SECRET = secret;
    }
  });
});

describe('size limit', () => {
  test('an announced body over 1 MiB is 413 before anything is read', async () => {
    const request = new Request('http://localhost/api/webhooks/github', {
      method: 'POST',
      headers: { 'content-length': String(2 * 1024 * 1024), 'x-github-event': 'ping' },
      body: '{}',
    });
    expect((await POST(request)).status).toBe(413);
  });

  test('a body over 1 MiB without an honest length is 413 too', async () => {
    const big = JSON.stringify({ zen: 'x'.repeat(1024 * 1024) });
    const response = await POST(githubRequest('ping', null, { body: big }));
    expect(response.status).toBe(413);
  });
});

describe('storage and outcomes', () => {
  test('malformed JSON is 400 and kept with its raw body for inspection', async () => {
    const response = await POST(
      githubRequest('pull_request', null, { body: '{"action":', deliveryId: 'bad-json' }),
    );
    expect(response.status).toBe(400);
    const [stored] = await deliveriesFor(db(), 'bad-json');
    expect(stored).toMatchObject({
      provider: 'github',
      event: 'pull_request',
      status: 'malformed',
      rawBody: '{"action":',
      payload: null,
    });
    expect(stored?.error).toContain('not JSON');
  });

  test('a handled event is applied; the redelivery is a 200 no-op', async () => {
    const payload = pullRequestPayload(41, '2026-03-01T00:00:00Z');
    const first = await POST(githubRequest('pull_request', payload, { deliveryId: 'pr-41' }));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'applied', changed: true });
    const again = await POST(githubRequest('pull_request', payload, { deliveryId: 'pr-41' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const stored = await deliveriesFor(db(), 'pr-41');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'applied', attempts: 1, action: 'opened' });
  });

  test('an event the board does not use is 202 and stored as ignored with the reason', async () => {
    const response = await POST(githubRequest('star', { action: 'created' }, { deliveryId: 's1' }));
    expect(response.status).toBe(202);
    const [stored] = await deliveriesFor(db(), 's1');
    expect(stored).toMatchObject({ status: 'ignored', error: 'star events are not used' });
  });

  test('a repository no project is connected to is ignored, naming it', async () => {
    const payload = {
      ...pullRequestPayload(5, '2026-03-01T00:00:00Z'),
      repository: { full_name: 'someone/else' },
    };
    const response = await POST(githubRequest('pull_request', payload, { deliveryId: 'other' }));
    expect(response.status).toBe(202);
    expect((await response.json()).reason).toBe('no project is connected to someone/else');
  });

  test('a handled event missing a field it needs is 400 and stored as malformed', async () => {
    const payload = pullRequestPayload(6, '2026-03-01T00:00:00Z', { head: { ref: 'x' } });
    const response = await POST(githubRequest('pull_request', payload, { deliveryId: 'no-sha' }));
    expect(response.status).toBe(400);
    const [stored] = await deliveriesFor(db(), 'no-sha');
    expect(stored?.status).toBe('malformed');
    expect(stored?.error).toContain('pull_request.head.sha');
  });

  test('an older event arriving after a newer one leaves the newer state', async () => {
    const newer = pullRequestPayload(42, '2026-03-02T00:00:00Z', {
      state: 'closed',
      closed_at: '2026-03-02T00:00:00Z',
      merged_at: '2026-03-02T00:00:00Z',
      title: 'Newer title',
    });
    const older = pullRequestPayload(42, '2026-03-01T00:00:00Z', { title: 'Older title' });
    expect((await POST(githubRequest('pull_request', newer))).status).toBe(200);
    const response = await POST(githubRequest('pull_request', older));
    expect(await response.json()).toMatchObject({ status: 'applied', changed: false });
    const [row] = await db().select().from(pullRequests).where(eq(pullRequests.number, 42));
    expect(row).toMatchObject({ state: 'merged', title: 'Newer title', projectId: project.id });
  });
});
