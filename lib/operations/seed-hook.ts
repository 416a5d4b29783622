import { createHmac } from 'node:crypto';
import { currentEnv, type Env } from '@/lib/settings/env';
import { operationsEnv } from '@/lib/settings/schemas';
import type { PreconditionFailure } from './result';
import { describeError } from './result';
import { StepRefused } from './runner';

/** The header the seed hook's POST carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SEED_HOOK_SIGNATURE_HEADER = 'X-Envboard-Signature';

/** How long the project's seed hook may take before the reseed counts as failed. */
const SEED_HOOK_TIMEOUT_MS = 60_000;

const seedHookEnv = operationsEnv.pick({ SEED_HOOK_SECRET: true, NODE_ENV: true });

/**
 * The key seed hook calls are signed with. In production a hook is never called unsigned: the
 * reseed is refused before anything is reset. Elsewhere (`npm run dev`, tests) an unset secret
 * means unsigned calls. A secret too short to trust refuses everywhere, naming the variable.
 */
export function seedHookSecret(env: Env = currentEnv()): {
  secret?: string;
  refusal?: PreconditionFailure;
} {
  const parsed = seedHookEnv.safeParse(env);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join('; ');
    return { refusal: { precondition: 'seed_hook_secret', message } };
  }
  const { SEED_HOOK_SECRET, NODE_ENV } = parsed.data;
  if (SEED_HOOK_SECRET) return { secret: SEED_HOOK_SECRET };
  if (NODE_ENV !== 'production') return {};
  return {
    refusal: {
      precondition: 'seed_hook_secret',
      message: 'SEED_HOOK_SECRET is not set: envboard does not call the seed hook unsigned',
    },
  };
}

/**
 * Stripe's scheme (https://docs.stripe.com/webhooks#verify-manually): an HMAC-SHA256 over
 * `<t>.<body>`, so a captured call cannot be replayed later with another time, nor its body
 * changed. The receiver recomputes it and refuses a `t` more than a few minutes old.
 */
export function seedHookSignature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** POSTs the payload to the hook, signed when there is a secret; anything but 2xx refuses the step. */
export async function callSeedHook(
  url: string,
  payload: Record<string, unknown>,
  options: { secret?: string; now: Date; fetch?: typeof fetch },
): Promise<number> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.secret) {
    headers[SEED_HOOK_SIGNATURE_HEADER] = seedHookSignature(options.secret, body, options.now);
  }
  const response = await (options.fetch ?? fetch)(url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(SEED_HOOK_TIMEOUT_MS),
  }).catch((error: unknown) => {
    const why = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new StepRefused(`the seed hook could not be reached: ${describeError(why)}`);
  });
  if (!response.ok) {
    throw new StepRefused(`the seed hook answered ${response.status} ${response.statusText}`);
  }
  return response.status;
}
