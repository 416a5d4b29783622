'use server';

import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { guardedAction } from '@/lib/auth';
import { requestPromotion, rollback } from '@/lib/operations';
import {
  checkboxField,
  idField,
  operationKey,
  reasonField,
  requestKeyField,
  revalidateOperationPages,
} from '@/lib/operations/action-inputs';
import { launchOperation } from '@/lib/operations/launch';

/**
 * Production changes. Only ids, the reason and the restore choice come from the browser: the
 * operations read the deployment, production and the gate from the database, and check the role
 * again themselves.
 */

const promotionSchema = z.object({
  deploymentId: idField,
  reason: reasonField,
  requestKey: requestKeyField,
});

export const requestPromotionAction = guardedAction(
  promotionSchema,
  'release_manager',
  async (input, actor) => {
    const progress = await launchOperation((clients) =>
      requestPromotion(getDatabase(), clients, actor, {
        deploymentId: input.deploymentId,
        reason: input.reason,
        idempotencyKey: operationKey('promote', actor, input.requestKey),
      }),
    );
    revalidateOperationPages();
    return progress;
  },
);

const rollbackSchema = z.object({
  targetDeploymentId: idField,
  reason: reasonField,
  restoreDatabase: checkboxField,
  requestKey: requestKeyField,
});

export const rollbackAction = guardedAction(
  rollbackSchema,
  'release_manager',
  async (input, actor) => {
    const progress = await launchOperation((clients) =>
      rollback(getDatabase(), clients, actor, {
        targetDeploymentId: input.targetDeploymentId,
        reason: input.reason,
        restoreDatabase: input.restoreDatabase,
        idempotencyKey: operationKey('rollback', actor, input.requestKey),
      }),
    );
    revalidateOperationPages();
    return progress;
  },
);
