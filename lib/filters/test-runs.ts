import { z } from 'zod';
import { TEST_RUN_STATUSES, TEST_SUITES } from '@/lib/domain/test-runs';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

/** The test runs list's filters, shared by /tests and GET /api/v1/test-runs. */
export const testRunFiltersSchema = z.object({
  suite: optionalParam(z.enum(TEST_SUITES)),
  status: optionalParam(z.enum(TEST_RUN_STATUSES)),
  branch: optionalText,
});
export type TestRunFilters = z.output<typeof testRunFiltersSchema>;

export const testRunsQuerySchema = testRunFiltersSchema.extend(pageParams);
