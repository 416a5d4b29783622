import definitions from '@octokit/webhooks-examples';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as retryCron } from '@/app/api/cron/webhook-retries/route';
import type { DatabaseHandle } from '@/db/client';
import { pullRequests, syncRuns, webhookDeliveries } from '@/db/schema';
import { MAX_DELIVERY_ATTEMPTS } from '@/lib/webhooks/backoff';
import { github } from '@/lib/webhooks/providers';
import { receiveWebhook } from '@/lib/webhooks/receive';
import { DeliveryNotFoundError, replayDelivery, retryFailedDeliveries } from '@/lib/webhooks/retry';
import { createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import { deliveriesFor, GITHUB_SECRET, githubRequest, useForRoutes } from './webhook-requests';

let handle: DatabaseHandle;
let restore: () => void;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase();
  restore = useForRoutes(handle);
  await createProject(db(), { githubOwner: 'acme', githubRepo: 'shop' });
  await db().execute(sql`
    create function refuse_pull_request_writes() returns trigger language plpgsql as $$
    begin raise exception 'pull_requests refuses writes'; end $$`);
});
afterAll(async () => {
  restore?.();
  await handle?.close();
});

/** A real database failure for as long as the trigger is in place. */
const refuseWrites = () =>
  db().execute(sql`create trigger refuse_writes before insert or update on pull_requests
    for each row execute function refuse_pull_request_writes()`);
const allowWrites = () => db().execute(sql`drop trigger refuse_writes on pull_requests`);

function pullRequestPayload(number: number) {
  const example = definitions
    .find((d) => d.name === 'pull_request')!
    .examples.find((e) => (e as { action: string }).action === 'opened') as unknown as Record<
    string,
    Record<string, unknown>
  >;
  return {
    ...structuredClone(example),
    repository: { ...example.repository, full_name: 'acme/shop' },
    pull_request: { ...structuredClone(example.pull_request), number },
  };
}

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
const storedPullRequest = async (number: number) =>
  (await db().select().from(pullRequests).where(eq(pullRequests.number, number)))[0];

describe('a delivery whose apply fails', () => {
  const receivedAt = new Date('2026-03-01T12:00:00Z');

  test('is stored as failed with the error and a retry time, and still answered 202', async () => {
    await refuseWrites();
    try {
      const response = await receiveWebhook(
        githubRequest('pull_request', pullRequestPayload(7), { deliveryId: 'flaky-1' }),
        github,
        db(),
        { secret: GITHUB_SECRET, now: () => receivedAt },
      );
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({
        status: 'failed',
        retryAt: minutesAfter(receivedAt, 1).toISOString(),
      });
    } finally {
      await allowWrites();
    }
    const [delivery] = await deliveriesFor(db(), 'flaky-1');
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      nextAttemptAt: minutesAfter(receivedAt, 1),
    });
    expect(delivery?.error).toContain('pull_requests refuses writes');
    expect(await storedPullRequest(7)).toBeUndefined();
  });

  test('is applied by the retry cron once its time has come', async () => {
    process.env.CRON_SECRET = 'cron-test-secret';
    try {
      const response = await retryCron(
        new Request('http://localhost/api/cron/webhook-retries', {
          headers: { authorization: 'Bearer cron-test-secret' },
        }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        kind: 'webhooks.retry',
        status: 'succeeded',
        itemsSeen: 1,
        itemsChanged: 1,
      });
    } finally {
      delete process.env.CRON_SECRET;
    }
    const [delivery] = await deliveriesFor(db(), 'flaky-1');
    expect(delivery).toMatchObject({ status: 'applied', attempts: 2, nextAttemptAt: null });
    expect(await storedPullRequest(7)).toBeDefined();
    const runs = await db().select().from(syncRuns).where(eq(syncRuns.kind, 'webhooks.retry'));
    expect(runs).toHaveLength(1);
  });

  test('is not retried before its time, and no more once the attempts are used up', async () => {
    await refuseWrites();
    try {
      await receiveWebhook(
        githubRequest('pull_request', pullRequestPayload(8), { deliveryId: 'flaky-2' }),
        github,
        db(),
        { secret: GITHUB_SECRET, now: () => receivedAt },
      );
      expect((await retryFailedDeliveries(db(), receivedAt)).itemsSeen).toBe(0);
      let now = receivedAt;
      for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
        const [due] = await deliveriesFor(db(), 'flaky-2');
        now = due!.nextAttemptAt!;
        const tally = await retryFailedDeliveries(db(), now);
        expect(tally.itemsSeen).toBe(1);
        expect(tally.errors[0]).toContain('github delivery flaky-2: pull_requests refuses writes');
      }
      const [spent] = await deliveriesFor(db(), 'flaky-2');
      expect(spent).toMatchObject({
        status: 'failed',
        attempts: MAX_DELIVERY_ATTEMPTS,
        nextAttemptAt: null,
      });
      expect((await retryFailedDeliveries(db(), minutesAfter(now, 10_000))).itemsSeen).toBe(0);
    } finally {
      await allowWrites();
    }
  });
});

describe('replayDelivery', () => {
  test('applies a stored delivery again, whatever its status', async () => {
    const [spent] = await deliveriesFor(db(), 'flaky-2');
    expect(await replayDelivery(db(), spent!.id)).toEqual({ status: 'applied', changed: true });
    expect(await storedPullRequest(8)).toBeDefined();
    expect(await replayDelivery(db(), spent!.id)).toEqual({ status: 'applied', changed: false });
  });

  test('a body that never parsed has nothing to replay; an unknown id is an error', async () => {
    await receiveWebhook(
      githubRequest('pull_request', null, { body: '{', deliveryId: 'broken' }),
      github,
      db(),
      { secret: GITHUB_SECRET },
    );
    const [broken] = await deliveriesFor(db(), 'broken');
    expect(await replayDelivery(db(), broken!.id)).toMatchObject({ status: 'malformed' });
    const [last] = await db()
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .orderBy(sql`${webhookDeliveries.id} desc`)
      .limit(1);
    await expect(replayDelivery(db(), last!.id + 1)).rejects.toBeInstanceOf(DeliveryNotFoundError);
  });
});
