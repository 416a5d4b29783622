'use server';

import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { guardedAction } from '@/lib/auth';
import { deletePreview, provisionAgain, reseed } from '@/lib/operations';
import {
  idField,
  operationKey,
  requestKeyField,
  revalidateOperationPages,
} from '@/lib/operations/action-inputs';
import { launchOperation } from '@/lib/operations/launch';

/**
 * A preview's database reset, its deletion, and bringing a deleted one back before the next push;
 * the preview is read from the database by id.
 */

const previewSchema = z.object({ environmentId: idField, requestKey: requestKeyField });

export const reseedPreviewAction = guardedAction(
  previewSchema,
  'developer',
  async (input, actor) => {
    const progress = await launchOperation((clients) =>
      reseed(getDatabase(), clients, actor, {
        environmentId: input.environmentId,
        idempotencyKey: operationKey('reseed', actor, input.requestKey),
      }),
    );
    revalidateOperationPages();
    return progress;
  },
);

export const deletePreviewAction = guardedAction(
  previewSchema,
  'developer',
  async (input, actor) => {
    const progress = await launchOperation((clients) =>
      deletePreview(getDatabase(), clients, actor, {
        environmentId: input.environmentId,
        idempotencyKey: operationKey('delete', actor, input.requestKey),
      }),
    );
    revalidateOperationPages();
    return progress;
  },
);

export const provisionAgainAction = guardedAction(
  previewSchema,
  'developer',
  async (input, actor) => {
    const progress = await launchOperation((clients) =>
      provisionAgain(getDatabase(), clients, actor, {
        environmentId: input.environmentId,
        idempotencyKey: operationKey('provision', actor, input.requestKey),
      }),
    );
    revalidateOperationPages();
    return progress;
  },
);
