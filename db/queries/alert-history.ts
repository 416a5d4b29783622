import 'server-only';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AlertHistoryItem } from '@/lib/domain/alerts';
import type { AlertHistoryFilters } from '@/lib/filters/alerts';
import { encodeCursor, type Page, toPage } from '@/lib/paging';
import type { Database } from '../client';
import { type AlertMessage, alertChannels, alertMessages } from '../schema';
import { afterCursor, descNullsLast, type PageRequest } from './keyset';

/**
 * A project's alert messages, newest first, keyset paged on (created_at, id), which
 * alert_messages_project_created_idx orders: what fired, to which channel, and how it went.
 */
export async function listAlertHistory(
  db: Database,
  projectId: number,
  filters: AlertHistoryFilters,
  page: PageRequest,
): Promise<Page<AlertHistoryItem>> {
  const conditions: (SQL | undefined)[] = [
    eq(alertMessages.projectId, projectId),
    filters.channel ? eq(alertMessages.channelId, filters.channel) : undefined,
    filters.rule ? eq(alertMessages.rule, filters.rule) : undefined,
    filters.event ? eq(alertMessages.event, filters.event) : undefined,
    filters.status ? eq(alertMessages.status, filters.status) : undefined,
    afterCursor(alertMessages.createdAt, alertMessages.id, page.cursor, 'timestamp'),
  ];
  const rows = await db
    .select({
      id: alertMessages.id,
      rule: alertMessages.rule,
      event: alertMessages.event,
      title: sql<string>`${alertMessages.body}->>'title'`,
      dedupeKey: alertMessages.dedupeKey,
      channelId: alertMessages.channelId,
      channelName: alertChannels.name,
      channelKind: alertChannels.kind,
      status: alertMessages.status,
      attempts: alertMessages.attempts,
      attemptLog: alertMessages.attemptLog,
      nextAttemptAt: alertMessages.nextAttemptAt,
      sentAt: alertMessages.sentAt,
      createdAt: alertMessages.createdAt,
    })
    .from(alertMessages)
    .leftJoin(alertChannels, eq(alertChannels.id, alertMessages.channelId))
    .where(and(...conditions))
    .orderBy(descNullsLast(alertMessages.createdAt), descNullsLast(alertMessages.id))
    .limit(page.limit + 1);
  return toPage(rows as AlertHistoryItem[], page.limit, (row) =>
    encodeCursor(row.createdAt, row.id),
  );
}

export async function getAlertMessage(db: Database, id: number): Promise<AlertMessage | undefined> {
  const [row] = await db.select().from(alertMessages).where(eq(alertMessages.id, id));
  return row;
}
