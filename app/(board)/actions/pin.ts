'use server';

import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { guardedAction } from '@/lib/auth';
import { parsePinEnd } from '@/lib/domain/pins';
import { idField, settledControl } from '@/lib/operations/action-inputs';
import { pinPreview, unpinPreview } from '@/lib/operations/pin';
import { maxPinDaysFromEnv } from '@/lib/operations/pin-settings';

/** A preview's pin, set or lifted; the operation checks who may, the limits and the lock. */

const pinInput = z.object({
  environmentId: idField,
  until: z
    .string()
    .max(40)
    .transform((text, context) => {
      const parsed = parsePinEnd(text);
      if (!parsed) context.addIssue({ code: 'custom', message: 'Pick an end date.' });
      return parsed ?? new Date(0);
    }),
  reason: z.string().max(2000),
});

export const pinPreviewAction = guardedAction(pinInput, 'developer', async (input, actor) => {
  const now = new Date();
  const result = await pinPreview(getDatabase(), actor, input, {
    maxDays: maxPinDaysFromEnv(),
    now,
  });
  return settledControl(result, 'Pinned.');
});

export const unpinPreviewAction = guardedAction(
  z.object({ environmentId: idField }),
  'developer',
  async (input, actor) =>
    settledControl(await unpinPreview(getDatabase(), actor, input, new Date()), 'Unpinned.'),
);
