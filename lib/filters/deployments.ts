import { z } from 'zod';
import { DEPLOYMENT_SORTS, DEPLOYMENT_STATES, DEPLOYMENT_TARGETS } from '@/lib/domain/deployments';
import { cursorParam, optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

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

/** Newest first pages on a time, slowest first on a build duration: a cursor of the other is refused. */
export const deploymentsQuerySchema = deploymentFiltersSchema
  .extend({ ...pageParams, cursor: cursorParam })
  .superRefine(({ sort, cursor }, context) => {
    if (cursor === undefined) return;
    if (typeof cursor[0] === (sort === 'slowest' ? 'number' : 'string')) return;
    context.addIssue({ code: 'custom', path: ['cursor'], message: 'Not a cursor of this list.' });
  });
