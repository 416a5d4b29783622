import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { alertChannels, alertMessages, alertStates } from '@/db/schema';
import { connectDemoChannel, DEMO_CHANNEL_NAME } from '@/lib/alerts/demo-channel';
import { decryptSecret } from '@/lib/alerts/secret-box';
import { demoHistory } from '@/lib/demo';
import { demoAlerts } from '@/lib/demo/alerts';
import { createProject } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';

const key = randomBytes(32);
const history = demoHistory({ now: new Date('2026-12-07T06:30:00Z') });

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await createProject(handle.db, { slug: history.project.slug });
});

afterAll(async () => {
  await handle.close();
});

describe("the demo's alert channel", () => {
  test('is added with the past alerts, then re-pointed at the sink of each run', async () => {
    await connectDemoChannel(handle.db, history, 'http://127.0.0.1:4014', key);
    await connectDemoChannel(handle.db, history, 'http://127.0.0.1:51234', key);

    const channels = await handle.db
      .select()
      .from(alertChannels)
      .where(eq(alertChannels.name, DEMO_CHANNEL_NAME));
    expect(channels).toHaveLength(1);
    expect(decryptSecret(channels[0]!.urlCiphertext, key)).toBe(
      'http://127.0.0.1:51234/slack/demo-alerts',
    );

    const expected = demoAlerts(history);
    const states = await handle.db.select().from(alertStates);
    expect(states).toHaveLength(expected.length);
    expect(states.every((state) => state.status === 'resolved')).toBe(true);
    const messages = await handle.db.select().from(alertMessages);
    expect(messages).toHaveLength(expected.length * 2);
    expect(messages.every((message) => message.status === 'sent')).toBe(true);
    expect(messages.every((message) => message.channelId === channels[0]!.id)).toBe(true);
  });
});
