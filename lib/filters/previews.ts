import { z } from 'zod';
import { DEPLOYMENT_STATES } from '@/lib/domain/deployments';
import { PREVIEW_TABS } from '@/lib/domain/previews';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

/** The previews list's filters, shared by /previews and GET /api/v1/previews. */
export const previewFiltersSchema = z.object({
  /** Open pull requests, or closed and merged ones. */
  tab: optionalParam(z.enum(PREVIEW_TABS)).transform((tab) => tab ?? 'open'),
  author: optionalText,
  /** The state of the preview's latest deployment. */
  state: optionalParam(z.enum(DEPLOYMENT_STATES)),
});
export type PreviewFilters = z.output<typeof previewFiltersSchema>;

export const previewsQuerySchema = previewFiltersSchema.extend(pageParams);
