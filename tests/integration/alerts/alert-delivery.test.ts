import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { alertMessages, operations, type Project, type User } from '@/db/schema';
import { enqueueAlertMessages } from '@/db/writes';
import { addAlertChannel } from '@/lib/alerts/channels';
import { deliverDueAlertMessages } from '@/lib/alerts/deliver';
import { decryptSecret } from '@/lib/alerts/secret-box';
import { sendTestAlert } from '@/lib/alerts/test-message';
import type { AlertBody } from '@/lib/domain/alerts';
import { type ChatSink, startChatSink } from '@/sandbox/chat-sink';
import { createProject, createUser } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

const key = randomBytes(32);
const MINUTE = 60_000;

let handle: DatabaseHandle;
let project: Project;
let admin: User;
let sink: ChatSink;

beforeAll(async () => {
  handle = await createTestDatabase();
  project = await createProject(handle.db);
  admin = await createUser(handle.db, { githubLogin: 'ada' });
  sink = await startChatSink();
});

afterAll(async () => {
  await sink.close();
  await handle.close();
});

const who = () => ({ userId: admin.id, login: admin.githubLogin, projectId: project.id });

function alertBody(title: string, occurredAt = new Date()): AlertBody {
  return {
    rule: 'environment_down',
    event: 'firing',
    severity: 'page',
    title,
    summary: `${title}: the health check failed twice in a row.`,
    fields: [],
    links: [],
    environment: 'production',
    occurredAt: occurredAt.toISOString(),
  };
}

async function addChannel(kind: 'slack' | 'discord' | 'webhook', name: string) {
  const added = await addAlertChannel(
    handle.db,
    who(),
    {
      kind,
      name,
      url: `${sink.baseUrl}/${kind}/${name}`,
    },
    key,
  );
  if (added.signingSecret) sink.trust(name, added.signingSecret);
  return added;
}

async function enqueue(channelId: number, title: string) {
  const [id] = await enqueueAlertMessages(handle.db, {
    projectId: project.id,
    dedupeKey: `environment_down:${title}`,
    body: alertBody(title),
    channelIds: [channelId],
  });
  return id!;
}

async function messageRow(id: number) {
  const [row] = await handle.db.select().from(alertMessages).where(eq(alertMessages.id, id));
  return row!;
}

const received = (channel: string) => sink.messages().filter((entry) => entry.channel === channel);

describe('alert channels', () => {
  test('store the URL and signing secret encrypted, never in plaintext, and audit the change', async () => {
    const { channel, signingSecret } = await addChannel('webhook', 'stored');
    const url = `${sink.baseUrl}/webhook/stored`;
    expect(signingSecret).toMatch(/^whsec_/);
    expect(channel.urlCiphertext).not.toContain(url);
    expect(channel.urlCiphertext).not.toContain('stored');
    expect(decryptSecret(channel.urlCiphertext, key)).toBe(url);
    expect(decryptSecret(channel.signingSecretCiphertext!, key)).toBe(signingSecret);
    expect(channel.urlHint).toBe(`127.0.0.1:${new URL(url).port}/webhook/…ored`);
    expect(() => decryptSecret(channel.urlCiphertext, randomBytes(32))).toThrow(/key/);

    const audit = await handle.db
      .select()
      .from(operations)
      .where(eq(operations.kind, 'alert_channel'));
    const entry = audit.find((row) => row.reason?.includes('"stored"'));
    expect(entry).toMatchObject({ state: 'succeeded', actorId: admin.id });
    expect(JSON.stringify(entry)).not.toContain(url);
  });
});

describe('the outbox dispatcher', () => {
  test('delivers exactly one logical message when the channel answers 500 twice, then 200', async () => {
    const { channel } = await addChannel('webhook', 'flaky');
    sink.failNext('flaky', [500, 500]);
    const id = await enqueue(channel.id, 'Flaky channel');
    const start = new Date();

    expect(
      await deliverDueAlertMessages(handle.db, { now: start, encryptionKey: key }),
    ).toMatchObject({
      retrying: 1,
    });
    // Not due yet: the first retry waits a minute.
    await deliverDueAlertMessages(handle.db, {
      now: new Date(start.getTime() + 30_000),
      encryptionKey: key,
    });
    expect(received('flaky')).toHaveLength(1);
    await deliverDueAlertMessages(handle.db, {
      now: new Date(start.getTime() + MINUTE),
      encryptionKey: key,
    });
    await deliverDueAlertMessages(handle.db, {
      now: new Date(start.getTime() + 5 * MINUTE),
      encryptionKey: key,
    });
    await deliverDueAlertMessages(handle.db, {
      now: new Date(start.getTime() + 60 * MINUTE),
      encryptionKey: key,
    });

    const requests = received('flaky');
    expect(requests.map((entry) => entry.answeredStatus).reverse()).toEqual([500, 500, 200]);
    expect(new Set(requests.map((entry) => entry.idempotencyKey)).size).toBe(1);
    expect(requests.every((entry) => entry.signature === 'valid')).toBe(true);
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(row.attemptLog.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    expect(row.attemptLog[0]!.error).toMatch(/^HTTP 500/);
  });

  test('a failing channel does not block another, and keeps its own messages in order', async () => {
    const down = (await addChannel('slack', 'down')).channel;
    const up = (await addChannel('discord', 'up')).channel;
    sink.failNext('down', [503, 503]);
    const first = await enqueue(down.id, 'First to the down channel');
    const second = await enqueue(down.id, 'Second to the down channel');
    const other = await enqueue(up.id, 'To the healthy channel');
    const now = new Date();

    const summary = await deliverDueAlertMessages(handle.db, { now, encryptionKey: key });
    expect(summary).toMatchObject({ sent: 1, retrying: 1 });
    expect((await messageRow(other)).status).toBe('sent');
    expect(await messageRow(first)).toMatchObject({ status: 'pending', attempts: 1 });
    // The second waited behind the first: never sent out of order.
    expect(await messageRow(second)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(received('down')).toHaveLength(1);

    await deliverDueAlertMessages(handle.db, {
      now: new Date(now.getTime() + MINUTE),
      encryptionKey: key,
    });
    await deliverDueAlertMessages(handle.db, {
      now: new Date(now.getTime() + 5 * MINUTE),
      encryptionKey: key,
    });
    expect((await messageRow(first)).status).toBe('sent');
    expect((await messageRow(second)).status).toBe('sent');
    const texts = received('down')
      .filter((entry) => entry.answeredStatus === 200)
      .map((entry) => entry.text)
      .reverse();
    expect(texts[0]).toContain('First');
    expect(texts[1]).toContain('Second');
  });

  test('marks a message failed after its last attempt', async () => {
    const { channel } = await addChannel('webhook', 'broken');
    sink.failNext('broken', Array(6).fill(500));
    const id = await enqueue(channel.id, 'Never arrives');
    let now = new Date();
    for (let run = 0; run < 6; run += 1) {
      await deliverDueAlertMessages(handle.db, { now, encryptionKey: key });
      now = new Date(now.getTime() + 7 * 60 * MINUTE);
    }
    expect(await messageRow(id)).toMatchObject({ status: 'failed', attempts: 6 });
  });
});

describe('Send test', () => {
  test('delivers at once and reports the answer; a refusal is reported, not retried', async () => {
    const { channel } = await addChannel('slack', 'tested');
    const ok = await sendTestAlert(handle.db, who(), channel.id, { key });
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(received('tested')[0]!.text).toContain('Test: Test message for "tested"');

    sink.failNext('tested', [404]);
    const refused = await sendTestAlert(handle.db, who(), channel.id, { key });
    expect(refused).toMatchObject({ ok: false, status: 404 });
    const other = await createProject(handle.db, { slug: 'other-project' });
    expect(
      await sendTestAlert(handle.db, { ...who(), projectId: other.id }, channel.id, { key }),
    ).toBeUndefined();
  });
});
