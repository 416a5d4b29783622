import { z } from 'zod';

/** Vercel Functions accept request bodies up to 4.5 MB; bigger reports go through artifacts. */
const DEFAULT_MAX_REPORT_BYTES = 4 * 1024 * 1024;

const limitSchema = z.coerce.number().int().positive();

export function maxReportBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TEST_REPORT_MAX_BYTES;
  if (!raw) return DEFAULT_MAX_REPORT_BYTES;
  const parsed = limitSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `TEST_REPORT_MAX_BYTES must be a positive whole number of bytes, not "${raw}".`,
    );
  }
  return parsed.data;
}
