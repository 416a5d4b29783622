import { z } from 'zod';

/**
 * What an upload says about its report besides the report itself. Each field comes from the
 * query string or from an `X-Envboard-*` header (the query wins), so CI can send whichever is
 * easier to write.
 */
const UPLOAD_FIELDS = {
  commit: 'x-envboard-commit',
  branch: 'x-envboard-branch',
  suite: 'x-envboard-suite',
  pr: 'x-envboard-pr',
  deployment: 'x-envboard-deployment',
  environment: 'x-envboard-environment',
  coverage: 'x-envboard-coverage',
  run_id: 'x-envboard-run-id',
} as const;

export const uploadMetadataSchema = z.object({
  commit: z
    .string({ error: 'commit is required: the SHA the tests ran on' })
    .regex(/^[0-9a-f]{7,40}$/i, 'commit must be a hexadecimal git SHA (7–40 characters)')
    .transform((sha) => sha.toLowerCase()),
  branch: z.string().trim().min(1).max(255).optional(),
  suite: z.enum(['unit', 'integration', 'e2e']).optional(),
  pr: z.coerce.number().int().positive().optional(),
  /** A Vercel deployment id (`dpl_…`), a deployment URL or an environment's URL. */
  deployment: z.string().trim().min(1).max(500).optional(),
  /** An environment's slug, e.g. `staging`. */
  environment: z.string().trim().min(1).max(100).optional(),
  coverage: z.coerce.number().min(0).max(100).optional(),
  /** The uploader's id for this report: the same id again is the same report, not a new one. */
  run_id: z.string().trim().min(1).max(200).optional(),
});

/** The fields from the query string and headers, before validation. */
export function uploadMetadataInput(request: Request): Record<string, string> {
  const query = new URL(request.url).searchParams;
  const input: Record<string, string> = {};
  for (const [field, header] of Object.entries(UPLOAD_FIELDS)) {
    const value = query.get(field) ?? request.headers.get(header);
    if (value !== null && value !== '') input[field] = value;
  }
  return input;
}
