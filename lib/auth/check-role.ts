import type { Caller } from './actor';
import { hasRole, ROLE_LABELS, type Role } from '@/lib/domain/roles';

/** Why a request may not go on: 401 without a session, 403 with too weak a role. */
export interface AuthFailure {
  status: 401 | 403;
  code: 'unauthenticated' | 'forbidden';
  message: string;
}

/**
 * The one authorization decision, shared by API routes, server actions and pages: null when the
 * actor may go on, else the failure to report. A known person without a role gets 403, like one
 * whose role is too weak.
 */
export function checkRole(actor: Pick<Caller, 'role'> | null, minimum: Role): AuthFailure | null {
  if (!actor) {
    return {
      status: 401,
      code: 'unauthenticated',
      message: 'Sign in to envboard first; this needs a session.',
    };
  }
  if (actor.role === null) {
    return {
      status: 403,
      code: 'forbidden',
      message: 'You have no role on this board (any more). Ask an admin for one.',
    };
  }
  if (!hasRole(actor.role, minimum)) {
    return {
      status: 403,
      code: 'forbidden',
      message: `This needs the ${ROLE_LABELS[minimum]} role or above; you are a ${ROLE_LABELS[actor.role]}.`,
    };
  }
  return null;
}
