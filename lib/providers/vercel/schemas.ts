import { z } from 'zod';

/**
 * The parts of Vercel's responses envboard reads
 * (https://vercel.com/docs/rest-api/reference/endpoints/deployments,
 * https://vercel.com/docs/rest-api/reference/endpoints/projects). Unknown keys are stripped;
 * fields the API documents as optional stay optional so a sparser answer still parses.
 */

export const readyStates = [
  'BLOCKED',
  'BUILDING',
  'CANCELED',
  'DELETED',
  'ERROR',
  'INITIALIZING',
  'QUEUED',
  'READY',
] as const;
const readyState = z.enum(readyStates);
const target = z.string().nullable().optional();
const meta = z.record(z.string(), z.string()).optional();

/** A list item: the list calls the id `uid`. */
export const deploymentSummarySchema = z.object({
  uid: z.string(),
  name: z.string(),
  url: z.string(),
  created: z.number(),
  state: readyState.optional(),
  readyState: readyState.optional(),
  readySubstate: z.string().optional(),
  target,
  projectId: z.string().optional(),
  meta,
  ready: z.number().optional(),
  isRollbackCandidate: z.boolean().nullable().optional(),
});
export type VercelDeploymentSummary = z.output<typeof deploymentSummarySchema>;

export const deploymentListSchema = z.object({
  deployments: z.array(deploymentSummarySchema),
  pagination: z.object({ count: z.number(), next: z.number().nullable() }),
});

export const deploymentSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  createdAt: z.number(),
  readyState,
  readySubstate: z.string().optional(),
  target,
  projectId: z.string().optional(),
  alias: z.array(z.string()).optional(),
  meta,
  ready: z.number().optional(),
});
export type VercelDeployment = z.output<typeof deploymentSchema>;

export const deletedDeploymentSchema = z.object({ uid: z.string(), state: z.literal('DELETED') });

const productionTargetSchema = z.object({
  id: z.string(),
  url: z.string(),
  alias: z.array(z.string()).optional(),
  readyState: readyState.optional(),
  readySubstate: z.string().optional(),
  meta,
  createdAt: z.number().optional(),
});

export const aliasRequestSchema = z.object({
  type: z.enum(['promote', 'rollback']),
  jobStatus: z.enum(['pending', 'in-progress', 'succeeded', 'failed', 'skipped']),
  fromDeploymentId: z.string().nullable(),
  toDeploymentId: z.string(),
  requestedAt: z.number(),
});

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  targets: z.object({ production: productionTargetSchema.nullable().optional() }).optional(),
  lastAliasRequest: aliasRequestSchema.nullable().optional(),
  rollbackDescription: z
    .object({ description: z.string(), createdAt: z.number() })
    .nullable()
    .optional(),
});
export type VercelProject = z.output<typeof projectSchema>;

export const envUpsertSchema = z.object({
  created: z.unknown(),
  failed: z
    .array(z.object({ error: z.object({ code: z.string(), message: z.string() }) }))
    .default([]),
});

/** `GET /v10/projects/{idOrName}/env`: the variables, values left encrypted. */
export const envListSchema = z.object({
  envs: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      gitBranch: z.string().nullish(),
      target: z.union([z.array(z.string()), z.string()]).nullish(),
    }),
  ),
});

/** `DELETE /v9/projects/{idOrName}/env/{id}`: the deleted variable. */
export const envDeletedSchema = z.object({ id: z.string(), key: z.string() });
