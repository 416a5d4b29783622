import { z } from 'zod';

/** The most environments one request follows: a page of previews at most. */
export const MAX_FOLLOWED_ENVIRONMENTS = 100;

/**
 * GET /api/v1/operations?environment=1,2,3&since=<ISO time>: the environments a page shows, and
 * when it was drawn (operations that ended after it are answered too; absent: only active ones).
 */
export const followedOperationsQuerySchema = z.object({
  environment: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of environment ids')
    .transform((list) => list.split(',').map(Number))
    .pipe(
      z
        .array(z.number().int().positive())
        .max(MAX_FOLLOWED_ENVIRONMENTS, `at most ${MAX_FOLLOWED_ENVIRONMENTS} environments`),
    ),
  since: z.iso
    .datetime({ offset: true })
    .transform((text) => new Date(text))
    .optional(),
});
