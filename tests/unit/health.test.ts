import { describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { checkHealth } from '@/lib/http/health';
import { captureLogLines } from '@/tests/support/captured-logs';

vi.mock('@/db/migrate', () => ({
  migrationStatus: vi.fn(async () => ({ applied: 0, expected: 1, current: false })),
}));

const handleAnswering = (answers: boolean) =>
  ({
    db: {
      execute: answers
        ? async () => ({ rows: [] })
        : async () => Promise.reject(new Error('ECONNREFUSED')),
    },
  }) as unknown as DatabaseHandle;

describe('checkHealth', () => {
  test('names the database when it does not answer', async () => {
    const logs = captureLogLines();
    expect(await checkHealth(() => handleAnswering(false))).toMatchObject({
      status: 'unavailable',
      database: 'unreachable',
      migrations: null,
    });
    logs.restore();
    expect(logs.errors()).toHaveLength(1);
  });

  test('names the migrations when some are pending', async () => {
    expect(await checkHealth(() => handleAnswering(true))).toMatchObject({
      status: 'unavailable',
      database: 'reachable',
      migrations: { applied: 0, expected: 1 },
      reason: expect.stringContaining('db:migrate'),
    });
  });

  test('a database that cannot even be opened is unreachable, not a crash', async () => {
    const logs = captureLogLines();
    const report = await checkHealth(() => {
      throw new Error('DATABASE_URL is not a URL');
    });
    logs.restore();
    expect(report).toMatchObject({ status: 'unavailable', database: 'unreachable' });
  });
});
