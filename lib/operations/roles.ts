import type { Actor, Role } from './types';
import { refuse, type Refusal } from './result';

/** Lowest to highest; each role may do everything the ones before it may. */
export const ROLE_ORDER: readonly Role[] = ['viewer', 'developer', 'release_manager', 'admin'];

const LABEL: Record<Role, string> = {
  viewer: 'a viewer',
  developer: 'a developer',
  release_manager: 'a release manager',
  admin: 'an admin',
};

export function hasRole(role: Role, minimum: Role): boolean {
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(minimum);
}

/**
 * The operation's own role check, made whatever the caller already checked: a refusal naming
 * the role needed, or undefined when the actor may go on.
 */
export function refuseUnlessRole(actor: Actor, minimum: Role, action: string): Refusal | undefined {
  if (hasRole(actor.role, minimum)) return undefined;
  return refuse(
    'forbidden',
    `Only ${LABEL[minimum]} or above may ${action}; you are ${LABEL[actor.role]}.`,
  );
}
