'use server';

import { revalidatePath } from 'next/cache';
import type {
  AddChannelState,
  ChannelChangeState,
  SendTestState,
} from '@/components/alerts/channel-results';
import { getDatabase } from '@/db/client';
import { ActionFailure, guardedAction } from '@/lib/auth';
import { addAlertChannel, removeAlertChannel, switchAlertChannel } from '@/lib/alerts/channels';
import { alertEncryptionKey } from '@/lib/alerts/encryption-key';
import { sendTestAlert } from '@/lib/alerts/test-message';
import {
  addChannelInputSchema,
  channelEnabledInputSchema,
  channelIdInputSchema,
} from '@/lib/filters/alerts';

const NOT_FOUND = 'That channel no longer exists; reload the page.';

const addChannel = guardedAction(addChannelInputSchema, 'admin', async (input, actor) => {
  const { channel, signingSecret } = await addAlertChannel(
    getDatabase(),
    actor,
    input,
    alertEncryptionKey(),
  );
  revalidatePath('/alerts');
  return { name: channel.name, signingSecret };
});

const sendTest = guardedAction(channelIdInputSchema, 'admin', async ({ id }, actor) => {
  const result = await sendTestAlert(getDatabase(), actor, id, { key: alertEncryptionKey() });
  if (!result) throw new ActionFailure('not_found', NOT_FOUND);
  revalidatePath('/alerts/history');
  return { ok: result.ok, status: result.status, error: result.error };
});

const setEnabled = guardedAction(channelEnabledInputSchema, 'admin', async (input, actor) => {
  const channel = await switchAlertChannel(getDatabase(), actor, input.id, input.enabled);
  if (!channel) throw new ActionFailure('not_found', NOT_FOUND);
  revalidatePath('/alerts');
  return { message: `${channel.name} is ${channel.enabled ? 'enabled' : 'disabled'}.` };
});

const remove = guardedAction(channelIdInputSchema, 'admin', async ({ id }, actor) => {
  const channel = await removeAlertChannel(getDatabase(), actor, id);
  if (!channel) throw new ActionFailure('not_found', NOT_FOUND);
  revalidatePath('/alerts');
  return { message: `${channel.name} was deleted.` };
});

/** Adds a channel (admins only); a webhook channel's signing secret comes back this once. */
export async function addChannelAction(
  _state: AddChannelState,
  form: FormData,
): Promise<AddChannelState> {
  return addChannel(form);
}

/** Sends a test message to a channel now and answers with what the channel said. */
export async function sendTestAction(
  _state: SendTestState,
  form: FormData,
): Promise<SendTestState> {
  return sendTest(form);
}

export async function setChannelEnabledAction(
  _state: ChannelChangeState,
  form: FormData,
): Promise<ChannelChangeState> {
  return setEnabled(form);
}

export async function deleteChannelAction(
  _state: ChannelChangeState,
  form: FormData,
): Promise<ChannelChangeState> {
  return remove(form);
}
