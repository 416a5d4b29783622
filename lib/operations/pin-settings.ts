import { currentEnv, type Env } from '@/lib/settings/env';
import { operationsEnv } from '@/lib/settings/schemas';

const pinEnv = operationsEnv.pick({ PREVIEW_MAX_PIN_DAYS: true });

/** PREVIEW_MAX_PIN_DAYS (default 30); a bad value throws a ZodError naming the variable. */
export function maxPinDaysFromEnv(env: Env = currentEnv()): number {
  return pinEnv.parse(env).PREVIEW_MAX_PIN_DAYS;
}
