import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { AlertChannelListItem } from '@/lib/domain/alerts';
import type { Database } from '../client';
import { type AlertChannel, alertChannels } from '../schema';

/** A project's channels as the Alerts page lists them: no ciphertext ever leaves this query. */
export async function listAlertChannels(
  db: Database,
  projectId: number,
): Promise<AlertChannelListItem[]> {
  const rows = await db
    .select({
      id: alertChannels.id,
      kind: alertChannels.kind,
      name: alertChannels.name,
      urlHint: alertChannels.urlHint,
      enabled: alertChannels.enabled,
      createdBy: alertChannels.createdBy,
      createdAt: alertChannels.createdAt,
    })
    .from(alertChannels)
    .where(eq(alertChannels.projectId, projectId))
    .orderBy(asc(alertChannels.name), asc(alertChannels.id));
  return rows as AlertChannelListItem[];
}

/** One channel with its ciphertexts, for the code that sends to it; scoped to the project when given. */
export async function getAlertChannel(
  db: Database,
  id: number,
  projectId?: number,
): Promise<AlertChannel | undefined> {
  const [row] = await db
    .select()
    .from(alertChannels)
    .where(
      and(
        eq(alertChannels.id, id),
        projectId === undefined ? undefined : eq(alertChannels.projectId, projectId),
      ),
    );
  return row;
}
