import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import type { AlertChannel } from '@/db/schema';
import { deleteAlertChannel, insertAlertChannel, setAlertChannelEnabled } from '@/db/writes';
import { insertOperation } from '@/db/writes/operations';
import { inTransaction } from '@/db/writes/transaction';
import type { Actor } from '@/lib/domain/actor';
import type { AddChannelInput } from '@/lib/filters/alerts';
import { maskUrl } from './channel-secrets';
import { encryptSecret } from './secret-box';

/*
 * The admin's changes to alert channels. Each is written with its audit entry in one
 * transaction: an operation of kind `alert_channel`, finished at once, whose before and after
 * name the channel by kind, name and masked URL, never by the URL itself.
 */

type Who = Pick<Actor, 'userId' | 'login' | 'projectId'>;

const KIND_LABELS: Record<string, string> = {
  slack: 'Slack',
  discord: 'Discord',
  webhook: 'generic webhook',
};

/**
 * Adds a channel with its URL encrypted. A generic webhook gets a new signing secret, returned
 * here once for the admin to copy; only its ciphertext is kept.
 */
export async function addAlertChannel(
  db: Database,
  actor: Who,
  input: AddChannelInput,
  key: Buffer,
  now = new Date(),
): Promise<{ channel: AlertChannel; signingSecret: string | null }> {
  const signingSecret =
    input.kind === 'webhook' ? `whsec_${randomBytes(24).toString('base64url')}` : null;
  return inTransaction(db, async (tx) => {
    const channel = await insertAlertChannel(tx, {
      projectId: actor.projectId,
      kind: input.kind,
      name: input.name,
      urlCiphertext: encryptSecret(input.url, key),
      urlHint: maskUrl(input.url),
      signingSecretCiphertext: signingSecret ? encryptSecret(signingSecret, key) : null,
      createdBy: actor.login,
    });
    await audit(tx, actor, now, `Added ${describe(channel)}`, null, channel);
    return { channel, signingSecret };
  });
}

/** Switches a channel on or off; undefined when the project has no such channel. */
export async function switchAlertChannel(
  db: Database,
  actor: Who,
  id: number,
  enabled: boolean,
  now = new Date(),
): Promise<AlertChannel | undefined> {
  return inTransaction(db, async (tx) => {
    const channel = await setAlertChannelEnabled(tx, actor.projectId, id, enabled);
    if (!channel) return undefined;
    const verb = enabled ? 'Enabled' : 'Disabled';
    await audit(
      tx,
      actor,
      now,
      `${verb} ${describe(channel)}`,
      { ...state(channel), enabled: !enabled },
      channel,
    );
    return channel;
  });
}

/** Deletes a channel; its messages stay in the history. Undefined when there is no such channel. */
export async function removeAlertChannel(
  db: Database,
  actor: Who,
  id: number,
  now = new Date(),
): Promise<AlertChannel | undefined> {
  return inTransaction(db, async (tx) => {
    const channel = await deleteAlertChannel(tx, actor.projectId, id);
    if (!channel) return undefined;
    await audit(tx, actor, now, `Deleted ${describe(channel)}`, channel, null);
    return channel;
  });
}

const describe = (channel: AlertChannel) =>
  `the ${KIND_LABELS[channel.kind] ?? channel.kind} channel "${channel.name}"`;

const state = (channel: AlertChannel) => ({
  channel: channel.name,
  kind: channel.kind,
  url: channel.urlHint,
  enabled: channel.enabled,
});

async function audit(
  db: Database,
  actor: Who,
  now: Date,
  reason: string,
  before: AlertChannel | Record<string, unknown> | null,
  after: AlertChannel | null,
): Promise<void> {
  const asState = (value: typeof before) =>
    value === null ? null : 'urlCiphertext' in value ? state(value as AlertChannel) : value;
  await insertOperation(db, {
    projectId: actor.projectId,
    environmentId: null,
    kind: 'alert_channel',
    state: 'succeeded',
    idempotencyKey: `alert_channel:${actor.projectId}:${randomUUID()}`,
    actorId: actor.userId,
    reason,
    before: asState(before),
    after: asState(after),
    requestedAt: now,
    startedAt: now,
    finishedAt: now,
  });
}
