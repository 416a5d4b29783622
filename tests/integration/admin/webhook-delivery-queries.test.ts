import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { NewWebhookDelivery } from '@/db/schema';
import {
  countProblemDeliveries,
  getWebhookDelivery,
  listDeliveryEvents,
  listWebhookDeliveries,
} from '@/db/queries/webhook-deliveries';
import { recordWebhookDelivery, setWebhookDeliveryOutcome } from '@/db/writes/webhook-deliveries';
import { decodeCursor } from '@/lib/paging';
import { at } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

let handle: DatabaseHandle;

/** Stores a delivery received `minute` minutes into the test clock, then records its outcome. */
async function delivery(
  minute: number,
  fields: Partial<NewWebhookDelivery> & Pick<NewWebhookDelivery, 'event' | 'status'>,
) {
  const stored = await recordWebhookDelivery(handle.db, {
    provider: 'github',
    deliveryId: `delivery-${minute}`,
    payload: { action: fields.action ?? null, n: minute },
    receivedAt: at(minute),
    ...fields,
    status: 'received',
  });
  await setWebhookDeliveryOutcome(handle.db, stored!.id, {
    status: fields.status,
    error: fields.error ?? null,
    attempts: fields.attempts ?? 1,
    processedAt: at(minute),
    nextAttemptAt: fields.nextAttemptAt ?? null,
  });
  return stored!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await delivery(1, { event: 'pull_request', action: 'opened', status: 'applied' });
  await delivery(2, { event: 'push', status: 'ignored', error: 'refs/tags/v1 is not a branch' });
  await delivery(3, {
    event: 'workflow_run',
    action: 'completed',
    status: 'failed',
    error: 'deadlock detected',
    attempts: 2,
    nextAttemptAt: at(7),
  });
  await delivery(4, {
    provider: 'vercel',
    event: 'deployment.succeeded',
    status: 'applied',
  });
  await delivery(5, {
    event: 'unknown',
    status: 'malformed',
    payload: null,
    rawBody: '{"action": "opened",',
    error: 'the body is not JSON',
  });
});
afterAll(() => handle?.close());

const ids = (rows: { deliveryId: string }[]) => rows.map((row) => row.deliveryId);

describe('webhook deliveries list', () => {
  it('lists newest first, with outcome, attempts, next attempt and error', async () => {
    const page = await listWebhookDeliveries(handle.db, {}, { limit: 50 });
    expect(ids(page.rows)).toEqual([
      'delivery-5',
      'delivery-4',
      'delivery-3',
      'delivery-2',
      'delivery-1',
    ]);
    expect(page.rows[2]).toMatchObject({
      event: 'workflow_run',
      action: 'completed',
      status: 'failed',
      attempts: 2,
      error: 'deadlock detected',
      nextAttemptAt: at(7),
    });
    expect(page.nextCursor).toBeNull();
  });

  it('pages by keyset: the cursor continues exactly after the last row', async () => {
    const first = await listWebhookDeliveries(handle.db, {}, { limit: 2 });
    expect(ids(first.rows)).toEqual(['delivery-5', 'delivery-4']);
    const second = await listWebhookDeliveries(
      handle.db,
      {},
      { limit: 2, cursor: decodeCursor(first.nextCursor) },
    );
    expect(ids(second.rows)).toEqual(['delivery-3', 'delivery-2']);
    const third = await listWebhookDeliveries(
      handle.db,
      {},
      { limit: 2, cursor: decodeCursor(second.nextCursor) },
    );
    expect(ids(third.rows)).toEqual(['delivery-1']);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by provider, event and status, alone and together', async () => {
    const byProvider = await listWebhookDeliveries(
      handle.db,
      { provider: 'vercel' },
      { limit: 50 },
    );
    expect(ids(byProvider.rows)).toEqual(['delivery-4']);
    const byEvent = await listWebhookDeliveries(handle.db, { event: 'push' }, { limit: 50 });
    expect(ids(byEvent.rows)).toEqual(['delivery-2']);
    const byStatus = await listWebhookDeliveries(handle.db, { status: 'applied' }, { limit: 50 });
    expect(ids(byStatus.rows)).toEqual(['delivery-4', 'delivery-1']);
    const none = await listWebhookDeliveries(
      handle.db,
      { provider: 'vercel', status: 'failed' },
      { limit: 50 },
    );
    expect(none.rows).toEqual([]);
  });

  it('counts failed and malformed deliveries, zero when there are none', async () => {
    expect(await countProblemDeliveries(handle.db)).toEqual({ failed: 1, malformed: 1 });
  });

  it('lists the events received, for the event filter', async () => {
    expect(await listDeliveryEvents(handle.db)).toEqual([
      'deployment.succeeded',
      'pull_request',
      'push',
      'unknown',
      'workflow_run',
    ]);
  });

  it('reads one delivery with its payload, or the raw body of a malformed one', async () => {
    const [malformed] = (
      await listWebhookDeliveries(handle.db, { status: 'malformed' }, { limit: 1 })
    ).rows;
    const stored = await getWebhookDelivery(handle.db, malformed!.id);
    expect(stored).toMatchObject({ payload: null, rawBody: '{"action": "opened",' });
    const [applied] = (
      await listWebhookDeliveries(handle.db, { event: 'pull_request' }, { limit: 1 })
    ).rows;
    expect((await getWebhookDelivery(handle.db, applied!.id))?.payload).toEqual({
      action: 'opened',
      n: 1,
    });
    expect(await getWebhookDelivery(handle.db, 999_999)).toBeUndefined();
  });
});

describe('an empty table', () => {
  it('counts zero problems', async () => {
    const empty = await createTestDatabase();
    try {
      expect(await countProblemDeliveries(empty.db)).toEqual({ failed: 0, malformed: 0 });
      expect((await listWebhookDeliveries(empty.db, {}, { limit: 10 })).rows).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
