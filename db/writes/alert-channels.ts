import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type AlertChannel, alertChannels, type NewAlertChannel } from '../schema';

export async function insertAlertChannel(
  db: Database,
  values: NewAlertChannel,
): Promise<AlertChannel> {
  const [row] = await db.insert(alertChannels).values(values).returning();
  return row!;
}

/** Switches a project's channel on or off; undefined when the project has no such channel. */
export async function setAlertChannelEnabled(
  db: Database,
  projectId: number,
  id: number,
  enabled: boolean,
): Promise<AlertChannel | undefined> {
  const [row] = await db
    .update(alertChannels)
    .set({ enabled })
    .where(and(eq(alertChannels.id, id), eq(alertChannels.projectId, projectId)))
    .returning();
  return row;
}

/** Deletes a project's channel; its past messages stay in the history without it. */
export async function deleteAlertChannel(
  db: Database,
  projectId: number,
  id: number,
): Promise<AlertChannel | undefined> {
  const [row] = await db
    .delete(alertChannels)
    .where(and(eq(alertChannels.id, id), eq(alertChannels.projectId, projectId)))
    .returning();
  return row;
}

/**
 * Points the project's channel of this name at a URL, adding the channel when there is none:
 * the demo's chat sink may listen on another port each run. Says whether it was added.
 */
export async function pointNamedAlertChannel(
  db: Database,
  values: Pick<
    NewAlertChannel,
    'projectId' | 'name' | 'kind' | 'urlCiphertext' | 'urlHint' | 'createdBy'
  >,
): Promise<{ id: number; added: boolean }> {
  const [existing] = await db
    .select({ id: alertChannels.id })
    .from(alertChannels)
    .where(and(eq(alertChannels.projectId, values.projectId), eq(alertChannels.name, values.name)));
  if (existing) {
    await db
      .update(alertChannels)
      .set({ urlCiphertext: values.urlCiphertext, urlHint: values.urlHint })
      .where(eq(alertChannels.id, existing.id));
    return { id: existing.id, added: false };
  }
  const channel = await insertAlertChannel(db, values);
  return { id: channel.id, added: true };
}
