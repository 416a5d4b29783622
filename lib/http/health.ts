import 'server-only';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { type MigrationStatus, migrationStatus } from '@/db/migrate';
import { log } from '@/lib/observability/log';

export type HealthReport =
  | {
      status: 'ok';
      database: 'reachable';
      migrations: { applied: number; expected: number };
    }
  | {
      status: 'unavailable';
      database: 'reachable' | 'unreachable';
      migrations: { applied: number; expected: number } | null;
      reason: string;
    };

const TIMEOUT_MS = 5000;

/**
 * What a load balancer needs to know: the database answers, and it holds every migration this
 * build expects. Detail of a failure is logged; the report only names the part that failed.
 */
export async function checkHealth(open: () => DatabaseHandle): Promise<HealthReport> {
  let status: MigrationStatus;
  try {
    const handle = open();
    await withTimeout(handle.db.execute(sql`select 1`));
    status = await withTimeout(migrationStatus(handle));
  } catch (error) {
    log.error('health: database unreachable', error);
    return {
      status: 'unavailable',
      database: 'unreachable',
      migrations: null,
      reason: 'The database did not answer.',
    };
  }
  const migrations = { applied: status.applied, expected: status.expected };
  if (!status.current) {
    return {
      status: 'unavailable',
      database: 'reachable',
      migrations,
      reason:
        status.applied < status.expected
          ? 'Migrations are pending: run `npm run db:migrate`.'
          : 'The database has migrations this build does not know.',
    };
  }
  return { status: 'ok', database: 'reachable', migrations };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
