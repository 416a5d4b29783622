import 'server-only';
import { z } from 'zod';
import { type Database, getDatabase } from '@/db/client';
import {
  findDeploymentIdByVercelId,
  findEnvironmentIdBySlug,
  findStagingDeploymentId,
} from '@/db/queries/operation-request-targets';
import { ActionFailure } from '@/lib/auth/guard';
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
const vercelIdField = z
  .string()
  .trim()
  .regex(/^dpl_[A-Za-z0-9]+$/, 'a Vercel deployment id (dpl_…)');
const slugField = z.string().trim().min(1).max(200);

export const operationRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('promote'),
    /** The deployment to promote, by row id or Vercel id; neither: staging's current one. */
    deploymentId: idField.optional(),
    deployment: vercelIdField.optional(),
    reason: reasonField,
    requestKey: requestKeyField,
  }),
  z
    .object({
      kind: z.literal('rollback'),
      /** The earlier production deployment to serve again, by row id or Vercel id. */
      deploymentId: idField.optional(),
      deployment: vercelIdField.optional(),
      reason: reasonField,
      restoreDatabase: z.boolean().default(false),
      requestKey: requestKeyField,
    })
    .refine((body) => body.deploymentId !== undefined || body.deployment !== undefined, {
      message: 'name the deployment to roll back to: deployment (dpl_…) or deploymentId',
      path: ['deployment'],
    }),
  z
    .object({
      kind: z.enum(['reseed', 'delete']),
      /** The preview, by row id or slug (`pr-1292`). */
      environmentId: idField.optional(),
      environment: slugField.optional(),
      reason: reasonField,
      requestKey: requestKeyField,
    })
    .refine((body) => body.environmentId !== undefined || body.environment !== undefined, {
      message: 'name the preview: environment (its slug, e.g. pr-1292) or environmentId',
      path: ['environment'],
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
export async function requestOperation(
  actor: Actor,
  request: OperationRequest,
): Promise<OperationProgress> {
  const db = getDatabase();
  const idempotencyKey = operationKey(request.kind, actor, request.requestKey);
  const target = await resolveTarget(db, actor.projectId, request);
  return launchOperation((clients) => {
    switch (request.kind) {
      case 'promote':
        return requestPromotion(db, clients, actor, {
          deploymentId: target,
          reason: request.reason,
          idempotencyKey,
        });
      case 'rollback':
        return rollback(db, clients, actor, {
          targetDeploymentId: target,
          reason: request.reason,
          restoreDatabase: request.restoreDatabase,
          idempotencyKey,
        });
      case 'reseed':
        return reseed(db, clients, actor, {
          environmentId: target,
          reason: request.reason,
          idempotencyKey,
        });
      case 'delete':
        return deletePreview(db, clients, actor, {
          environmentId: target,
          reason: request.reason,
          idempotencyKey,
        });
    }
  });
}

/**
 * The row the request acts on. A CI job knows a preview by its slug and a deployment by its
 * Vercel id, so those are accepted beside row ids; a promotion naming neither promotes what
 * staging serves. Only the caller's project is searched.
 */
async function resolveTarget(
  db: Database,
  projectId: number,
  request: OperationRequest,
): Promise<number> {
  if (request.kind === 'promote' || request.kind === 'rollback') {
    if (request.deploymentId !== undefined) return request.deploymentId;
    if (request.deployment !== undefined) {
      const id = await findDeploymentIdByVercelId(db, projectId, request.deployment);
      if (id === undefined)
        throw new ActionFailure('not_found', `No deployment ${request.deployment}.`);
      return id;
    }
    const staging = await findStagingDeploymentId(db, projectId);
    if (staging === undefined) {
      throw new ActionFailure('not_found', 'Staging serves no deployment to promote.');
    }
    return staging;
  }
  const id =
    request.environmentId ?? (await findEnvironmentIdBySlug(db, projectId, request.environment!));
  if (id === undefined)
    throw new ActionFailure('not_found', `No environment "${request.environment}".`);
  return id;
}
