import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import { alertChannels, alertMessages } from '@/db/schema';
import { recordUptimeChecks } from '@/db/writes';
import { evaluateAlertsSoon } from '@/lib/alerts/trigger';
import { createEnvironment, createProject, MINUTE } from '../../support/factories';
import { createTestDatabase } from '../../support/test-database';
import { captureLogLines } from '@/tests/support/captured-logs';

let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle.close();
});

describe('evaluateAlertsSoon outside a request', () => {
  test('evaluates the named rules at once', async () => {
    const project = await createProject(db);
    const production = await createEnvironment(db, project, { kind: 'production' });
    await db.insert(alertChannels).values({
      projectId: project.id,
      kind: 'slack',
      name: 'ops',
      urlCiphertext: 'x',
      urlHint: '…',
    });
    const now = Date.now();
    await recordUptimeChecks(
      db,
      [3, 2, 1].map((minutes) => ({
        environmentId: production.id,
        checkedAt: new Date(now - minutes * MINUTE),
        ok: false,
        statusCode: 503,
        latencyMs: null,
        error: 'HTTP 503',
      })),
    );
    await evaluateAlertsSoon(db, project.id, ['environment_down']);
    const messages = await db
      .select()
      .from(alertMessages)
      .where(eq(alertMessages.projectId, project.id));
    expect(messages.map((message) => message.rule)).toEqual(['environment_down']);
  });

  test('logs a failure instead of throwing it into the write path', async () => {
    const logs = captureLogLines();
    try {
      await expect(
        evaluateAlertsSoon(db, 2_000_000_000, ['environment_down']),
      ).resolves.toBeUndefined();
    } finally {
      logs.restore();
    }
    expect(logs.errors()).toEqual([
      expect.objectContaining({ message: 'alert evaluation after a write failed' }),
    ]);
  });

  test('a lookup that finds no project evaluates nothing', async () => {
    await expect(
      evaluateAlertsSoon(db, async () => undefined, ['environment_down']),
    ).resolves.toBeUndefined();
  });
});
