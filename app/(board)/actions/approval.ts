'use server';

import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { guardedAction } from '@/lib/auth';
import { approve, reject } from '@/lib/operations';
import { idField, reasonField, revalidateOperationPages } from '@/lib/operations/action-inputs';
import { launchOperation } from '@/lib/operations/launch';

/**
 * A second release manager decides on a requested promotion. Who asked, and whether it still
 * waits, is read from the operation itself; approving runs the promotion.
 */

const decisionSchema = z.object({ operationId: idField, reason: reasonField });

export const approvePromotionAction = guardedAction(
  decisionSchema,
  'release_manager',
  async (input, actor) => {
    const progress = await launchOperation((clients) =>
      approve(getDatabase(), clients, actor, input),
    );
    revalidateOperationPages();
    return progress;
  },
);

export const rejectPromotionAction = guardedAction(
  decisionSchema,
  'release_manager',
  async (input, actor) => {
    const progress = await launchOperation((clients) =>
      reject(getDatabase(), clients, actor, input),
    );
    revalidateOperationPages();
    return progress;
  },
);
