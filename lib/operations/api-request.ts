import 'server-only';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import type { Actor } from '@/lib/domain/actor';
import type { OperationProgress } from '@/lib/domain/operation-progress';
import type { Role } from '@/lib/domain/roles';
import { idField, operationKey, reasonField, requestKeyField } from './action-inputs';
import { deletePreview } from './delete-preview';
import { launchOperation } from './launch';
import { requestPromotion } from './promote';
import { reseed } from './reseed';
import { rollback } from './rollback';

/**
 * The body of POST /api/v1/operations: one of the operations the board's buttons start, with a
 * reason. `requestKey` makes a retried request start the operation once (scoped to the caller).
 */
export const operationRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('promote'),
    deploymentId: idField,
    reason: reasonField,
    requestKey: requestKeyField,
  }),
  z.object({
    kind: z.literal('rollback'),
    /** The earlier production deployment to serve again. */
    deploymentId: idField,
    reason: reasonField,
    restoreDatabase: z.boolean().default(false),
    requestKey: requestKeyField,
  }),
  z.object({
    kind: z.enum(['reseed', 'delete']),
    environmentId: idField,
    reason: reasonField,
    requestKey: requestKeyField,
  }),
]);
export type OperationRequest = z.output<typeof operationRequestSchema>;

/** The role each request needs, as the board's buttons need it; the operation checks it again. */
export const OPERATION_REQUEST_ROLE: Record<OperationRequest['kind'], Role> = {
  promote: 'release_manager',
  rollback: 'release_manager',
  reseed: 'developer',
  delete: 'developer',
};

/**
 * Starts the requested operation through the same engine functions and launcher the server
 * actions use: role, project, preconditions, the one-at-a-time lock and approval all apply. A
 * refusal throws ActionFailure with the engine's code and sentence.
 */
export function requestOperation(
  actor: Actor,
  request: OperationRequest,
): Promise<OperationProgress> {
  const db = getDatabase();
  const idempotencyKey = operationKey(request.kind, actor, request.requestKey);
  return launchOperation((clients) => {
    switch (request.kind) {
      case 'promote':
        return requestPromotion(db, clients, actor, {
          deploymentId: request.deploymentId,
          reason: request.reason,
          idempotencyKey,
        });
      case 'rollback':
        return rollback(db, clients, actor, {
          targetDeploymentId: request.deploymentId,
          reason: request.reason,
          restoreDatabase: request.restoreDatabase,
          idempotencyKey,
        });
      case 'reseed':
        return reseed(db, clients, actor, {
          environmentId: request.environmentId,
          reason: request.reason,
          idempotencyKey,
        });
      case 'delete':
        return deletePreview(db, clients, actor, {
          environmentId: request.environmentId,
          reason: request.reason,
          idempotencyKey,
        });
    }
  });
}
