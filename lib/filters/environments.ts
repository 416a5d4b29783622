import { z } from 'zod';
import { ENVIRONMENT_KINDS } from '@/lib/domain/environments';
import { numberCursorParam, optionalParam, pageParams } from '@/lib/http/query-params';

const YES = ['1', 'true', 'on', 'yes'] as const;
const NO = ['0', 'false', 'off', 'no'] as const;

/** A checkbox or boolean flag: `?deleted=1` from the form, `?deleted=true` from a script. */
const flag = optionalParam(z.enum([...YES, ...NO])).transform((value) =>
  (YES as readonly string[]).includes(value ?? ''),
);

/** The environments list's filters, shared by /environments and GET /api/v1/environments. */
export const environmentFiltersSchema = z.object({
  kind: optionalParam(z.enum(ENVIRONMENT_KINDS)),
  /** Include deleted environments. */
  deleted: flag,
});
export type EnvironmentFilters = z.output<typeof environmentFiltersSchema>;

export const environmentsQuerySchema = environmentFiltersSchema.extend({
  ...pageParams,
  // This list pages on (kind rank, id): a cursor from a time-sorted list is not one of its own.
  cursor: numberCursorParam,
});

/** The detail page's deployment history: a shorter page, so the panels below stay in reach. */
export const environmentDetailQuerySchema = z.object({
  cursor: pageParams.cursor,
  limit: pageParams.limit.default(15),
});
