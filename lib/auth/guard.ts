import 'server-only';
import { redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { ActionError, ActionResult } from '@/lib/domain/action-results';
import type { Actor } from '@/lib/domain/actor';
import type { Caller } from './actor';
import { checkRole } from './check-role';
import { FORBIDDEN_PATH, SIGN_IN_PATH } from '@/lib/domain/auth-paths';
import type { Role } from '@/lib/domain/roles';
import { getCaller } from './session';
import { log } from '@/lib/observability/log';

/** Thrown by an action's work for an expected refusal, e.g. `new ActionFailure('locked', '…')`. */
export class ActionFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ActionFailure';
  }
}

/**
 * For pages and server components: the actor, or a redirect — to the sign-in page without a
 * session, to /forbidden when the role is too weak.
 */
export async function requireRole(
  minimum: Role,
  resolveActor: () => Promise<Caller | null> = getCaller,
): Promise<Actor> {
  const actor = await resolveActor();
  const failure = checkRole(actor, minimum);
  if (failure?.status === 401) redirect(SIGN_IN_PATH);
  if (failure) redirect(`${FORBIDDEN_PATH}?role=${minimum}`);
  return actor as Actor;
}

/**
 * A server action in one fixed order: parse the input (FormData or a plain object) with
 * `schema`, resolve the actor, check `minimum`, then run `work`. Never throws: refusals and
 * failures come back as `{ ok: false, error }`, unexpected errors as a generic internal_error
 * with the detail logged on the server only. `resolveActor` is the session's actor; tests pass
 * their own.
 */
export function guardedAction<Schema extends z.ZodType, T>(
  schema: Schema,
  minimum: Role,
  work: (input: z.output<Schema>, actor: Actor) => Promise<T>,
  resolveActor: () => Promise<Caller | null> = getCaller,
): (input: z.input<Schema> | FormData) => Promise<ActionResult<T>> {
  return async (input) => {
    const raw = input instanceof FormData ? Object.fromEntries(input) : input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return failure('invalid_input', 'The input is not valid.', {
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      });
    }
    try {
      const actor = await resolveActor();
      const refused = checkRole(actor, minimum);
      if (refused) return failure(refused.code, refused.message);
      return { ok: true, data: await work(parsed.data, actor as Actor) };
    } catch (error) {
      // A redirect() or notFound() from the work is Next.js control flow, not a failure.
      unstable_rethrow(error);
      if (error instanceof ActionFailure) return failure(error.code, error.message);
      log.error('server action failed', error);
      return failure('internal_error', 'Something went wrong on our side; try again.');
    }
  };
}

function failure(
  code: string,
  message: string,
  extra: Pick<ActionError, 'issues'> = {},
): ActionResult<never> {
  return { ok: false, error: { code, message, ...extra } };
}
