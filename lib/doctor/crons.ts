import { z } from 'zod';
import { cronIntervalMs } from '@/lib/domain/sync-health';
import { cronSecret } from '@/lib/settings/settings';
import { CRON_SYNCS } from '@/lib/sync/cron-syncs';
import { type CheckResult, type DoctorContext, fail, pass, runCheck } from './check';

const CRONS = 'Crons';

/** Every cron route envboard has (each runs one or more syncs), each once. */
export const CRON_PATHS: readonly string[] = [...new Set(CRON_SYNCS.map((sync) => sync.cronPath))];

const cronsSchema = z.object({
  crons: z.array(z.object({ path: z.string(), schedule: z.string() })).default([]),
});

/** vercel.json declares every cron route with a schedule that fires, and CRON_SECRET is set. */
export function checkCrons(context: DoctorContext): Promise<CheckResult> {
  return runCheck(
    CRONS,
    () => {
      const { crons } = cronsSchema.parse(context.vercelConfig);
      const declared = new Map(crons.map((cron) => [cron.path, cron.schedule]));
      const missing = CRON_PATHS.filter((path) => !declared.has(path));
      const broken = crons.filter((cron) => !firing(cron.schedule)).map((cron) => cron.path);
      const problems = [
        missing.length > 0 && `vercel.json does not declare ${missing.join(', ')}`,
        broken.length > 0 && `${broken.join(', ')} never fire`,
        !cronSecret(context.env) && 'CRON_SECRET is not set (cron routes answer 503)',
      ].filter((problem): problem is string => Boolean(problem));
      if (problems.length === 0) {
        return pass(CRONS, `${CRON_PATHS.length} crons declared; CRON_SECRET set`);
      }
      return fail(
        CRONS,
        problems.join('; '),
        'Declare each route under "crons" in vercel.json and set CRON_SECRET (Vercel Cron sends it as a bearer token).',
      );
    },
    () => 'vercel.json must be valid JSON with a "crons" list.',
  );
}

function firing(schedule: string): boolean {
  try {
    return cronIntervalMs(schedule) > 0;
  } catch {
    return false;
  }
}
