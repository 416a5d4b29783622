import { currentEnv, type Env } from '@/lib/settings/env';
import { testReportEnv } from '@/lib/settings/schemas';

/** Vercel Functions accept request bodies up to 4.5 MB; bigger reports go through artifacts. */
const DEFAULT_MAX_REPORT_BYTES = 4 * 1024 * 1024;

/** TEST_REPORT_MAX_BYTES, or 4 MiB; a bad value throws, naming the variable and the value. */
export function maxReportBytesFromEnv(env: Env = currentEnv()): number {
  const raw = env.TEST_REPORT_MAX_BYTES;
  if (!raw) return DEFAULT_MAX_REPORT_BYTES;
  const parsed = testReportEnv.safeParse({ TEST_REPORT_MAX_BYTES: raw });
  if (!parsed.success) {
    throw new Error(
      `TEST_REPORT_MAX_BYTES must be a positive whole number of bytes, not "${raw}".`,
    );
  }
  return parsed.data.TEST_REPORT_MAX_BYTES ?? DEFAULT_MAX_REPORT_BYTES;
}
