import { z } from 'zod';

/**
 * The parts of Vercel's responses envboard reads
 * (https://vercel.com/docs/rest-api/reference/endpoints/deployments,
 * https://vercel.com/docs/rest-api/reference/endpoints/projects). Unknown keys are stripped.
 * A field Vercel's models (`@vercel/sdk`, generated from its OpenAPI document) mark optional or
 * nullable is optional or nullable here too; what stays required is what envboard cannot do
 * without, and a list reads its items one by one so one it cannot read does not sink the rest.
 */

/** An item of a list the client could not read: its id when it had one, and why. */
export interface UnreadableItem {
  id: string | undefined;
  reason: string;
}

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

/**
 * A list item: the list calls the id `uid`. A sync cannot place a deployment without its id, its
 * URL and when it was created (the cursor); the rest may be missing.
 */
export const deploymentSummarySchema = z.object({
  uid: z.string(),
  name: z.string().optional(),
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

/** The page; each item is read on its own with `deploymentSummarySchema`. */
export const deploymentListSchema = z.object({
  deployments: z.array(z.unknown()),
  pagination: z.object({ next: z.number().nullable() }),
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

/**
 * `GET /v10/projects/{idOrName}/env`: the variables, values left encrypted. Vercel's model marks
 * `id` optional; a variable without one cannot be deleted, which the caller reports.
 */
export const envListSchema = z.object({
  envs: z.array(
    z.object({
      id: z.string().optional(),
      key: z.string(),
      gitBranch: z.string().nullish(),
      target: z.union([z.array(z.string()), z.string()]).nullish(),
      customEnvironmentIds: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * `GET /v9/projects/{idOrName}/custom-environments`
 * (https://vercel.com/docs/rest-api/reference/endpoints/environment/retrieve-custom-environments):
 * the ids env variables name their custom environments by, with the slug a person knows.
 */
export const customEnvironmentListSchema = z.object({
  environments: z.array(z.object({ id: z.string(), slug: z.string() })),
});

/**
 * `GET /v1/webhooks` (https://vercel.com/docs/rest-api/reference/endpoints/webhooks/get-a-list-of-webhooks):
 * an array of the team's webhooks; `projectIds` absent means every project.
 */
export const webhookListSchema = z.array(
  z.object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    projectIds: z.array(z.string()).optional(),
  }),
);
export type VercelWebhook = z.output<typeof webhookListSchema>[number];

/**
 * `DELETE /v9/projects/{idOrName}/env/{id}`: the 200 is the confirmation. Vercel's model allows
 * the deleted variable, a variant of it or an array, and envboard reads none of it.
 */
export const envDeletedSchema = z.unknown();
