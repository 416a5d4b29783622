import { z } from 'zod';
import { DEPLOYMENT_SORTS, DEPLOYMENT_STATES, DEPLOYMENT_TARGETS } from '@/lib/domain/deployments';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

/** The deployments list's filters, shared by /deployments and GET /api/v1/deployments. */
export const deploymentFiltersSchema = z.object({
  /** Environment slug. */
  environment: optionalText,
  target: optionalParam(z.enum(DEPLOYMENT_TARGETS)),
  state: optionalParam(z.enum(DEPLOYMENT_STATES)),
  branch: optionalText,
  author: optionalText,
  /** Newest first (default), or slowest builds first (only deployments that finished a build). */
  sort: optionalParam(z.enum(DEPLOYMENT_SORTS)),
});
export type DeploymentFilters = z.output<typeof deploymentFiltersSchema>;

export const deploymentsQuerySchema = deploymentFiltersSchema.extend(pageParams);
