import { z } from 'zod';

/**
 * The parts of Neon API v2 responses envboard reads (https://api-docs.neon.tech/reference,
 * checked against the OpenAPI spec shipped in @neondatabase/api-client). Unknown keys are
 * stripped.
 */

export const terminalStatuses = ['finished', 'skipped', 'failed', 'error', 'cancelled'] as const;
export const failedStatuses: readonly string[] = ['failed', 'error', 'cancelled'];

export const operationSchema = z.object({
  id: z.string(),
  project_id: z.string(),
  branch_id: z.string().optional(),
  endpoint_id: z.string().optional(),
  action: z.string(),
  status: z.enum([
    'scheduling',
    'running',
    'finished',
    'failed',
    'error',
    'cancelling',
    'cancelled',
    'skipped',
  ]),
  error: z.string().optional(),
  failures_count: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  total_duration_ms: z.number(),
});
export type NeonOperation = z.output<typeof operationSchema>;

export const branchSchema = z.object({
  id: z.string(),
  project_id: z.string(),
  parent_id: z.string().optional(),
  name: z.string(),
  current_state: z.string(),
  pending_state: z.string().optional(),
  default: z.boolean(),
  protected: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  last_reset_at: z.string().optional(),
  expires_at: z.string().optional(),
  logical_size: z.number().optional(),
  compute_time_seconds: z.number().optional(),
  active_time_seconds: z.number().optional(),
  written_data_bytes: z.number().optional(),
  data_transfer_bytes: z.number().optional(),
});
export type NeonBranch = z.output<typeof branchSchema>;

export const endpointSchema = z.object({
  id: z.string(),
  host: z.string(),
  branch_id: z.string(),
  type: z.enum(['read_write', 'read_only']),
  current_state: z.string(),
});
export type NeonEndpoint = z.output<typeof endpointSchema>;

const operations = z.array(operationSchema);

export const branchListSchema = z.object({
  branches: z.array(branchSchema),
  pagination: z.object({ next: z.string().optional() }).optional(),
});

export const branchResponseSchema = z.object({ branch: branchSchema });

export const branchChangeSchema = z.object({ branch: branchSchema, operations });

export const createdBranchSchema = z.object({
  branch: branchSchema,
  endpoints: z.array(endpointSchema),
  operations,
  connection_uris: z.array(z.object({ connection_uri: z.string() })).optional(),
});

export const operationResponseSchema = z.object({ operation: operationSchema });

export const operationListSchema = z.object({
  operations,
  pagination: z.object({ cursor: z.string() }).optional(),
});

export const connectionUriSchema = z.object({ uri: z.string() });

const periodsSchema = z.array(
  z.object({
    period_id: z.string(),
    period_plan: z.string(),
    period_start: z.string(),
    period_end: z.string().optional(),
    // Neon's document marks every field of a timeframe optional: a frame without metrics
    // reports nothing, and one without its start cannot be placed on a day (consumption.ts).
    consumption: z.array(
      z.object({
        timeframe_start: z.string().optional(),
        timeframe_end: z.string().optional(),
        metrics: z.array(z.object({ metric_name: z.string(), value: z.number() })).optional(),
      }),
    ),
  }),
);

const cursorPage = z.object({ cursor: z.string() }).optional();

export const projectConsumptionSchema = z.object({
  projects: z.array(z.object({ project_id: z.string(), periods: periodsSchema })),
  pagination: cursorPage,
});

export const branchConsumptionSchema = z.object({
  branches: z.array(
    z.object({ project_id: z.string(), branch_id: z.string(), periods: periodsSchema }),
  ),
  pagination: cursorPage,
});
export type ConsumptionPeriods = z.output<typeof periodsSchema>;
