import { z } from 'zod';
import { DEPLOYMENT_SORTS, DEPLOYMENT_STATES, DEPLOYMENT_TARGETS } from '@/lib/domain/deployments';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

/** The deployments list's filters, shared by /deployments and GET /api/v1/deployments. */
export const deploymentFiltersSchema = z.object({
  environment: optionalText,
  target: optionalParam(z.enum(DEPLOYMENT_TARGETS)),
  state: optionalParam(z.enum(DEPLOYMENT_STATES)),
  branch: optionalText,
  author: optionalText,
  sort: optionalParam(z.enum(DEPLOYMENT_SORTS)),
});

export const deploymentsQuerySchema = deploymentFiltersSchema.extend(pageParams);
