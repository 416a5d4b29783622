import { alertMessages } from '@/db/schema';
import type { AlertBody } from '@/lib/domain/alerts';
import type { Database } from '@/db/client';

export interface OutboxEntry {
  projectId: number;
  alertStateId?: number | null;
  dedupeKey: string;
  body: AlertBody;
  channelIds: readonly number[];
  /**
   * When the message is first due: the writer's clock (default now), not the database's. The
   * dispatcher compares due times with its own clock, and a database clock even a microsecond
   * ahead would hold a message just stored back until the next run.
   */
  dueAt?: Date;
}

/**
 * Stores one message per channel before anything is sent: the outbox, which the dispatcher then
 * delivers at least once. The idempotency key (dedupe key, event, the state change's time and the
 * channel) makes storing the same change twice, from the cron and a write path at once, a no-op.
 * Returns the ids of the messages stored now.
 */
export async function enqueueAlertMessages(db: Database, entry: OutboxEntry): Promise<number[]> {
  if (entry.channelIds.length === 0) return [];
  const dueAt = entry.dueAt ?? new Date();
  const rows = await db
    .insert(alertMessages)
    .values(
      entry.channelIds.map((channelId) => ({
        projectId: entry.projectId,
        channelId,
        nextAttemptAt: dueAt,
        alertStateId: entry.alertStateId ?? null,
        rule: entry.body.rule,
        dedupeKey: entry.dedupeKey,
        event: entry.body.event,
        body: entry.body as unknown as Record<string, unknown>,
        idempotencyKey: [
          entry.projectId,
          entry.dedupeKey,
          entry.body.event,
          entry.body.occurredAt,
          channelId,
        ].join('|'),
      })),
    )
    .onConflictDoNothing({ target: alertMessages.idempotencyKey })
    .returning({ id: alertMessages.id });
  return rows.map((row) => row.id);
}
