import { hasRole, type Role } from '@/lib/domain/roles';
import { refuse, type Refusal } from './result';
import type { Actor } from '@/lib/domain/actor';

const LABEL: Record<Role, string> = {
  viewer: 'a viewer',
  developer: 'a developer',
  release_manager: 'a release manager',
  admin: 'an admin',
};

/**
 * The operation's own role check, made whatever the caller already checked (lib/auth's
 * guardedAction): a refusal naming the role needed, or undefined when the actor may go on.
 */
export function refuseUnlessRole(actor: Actor, minimum: Role, action: string): Refusal | undefined {
  if (hasRole(actor.role, minimum)) return undefined;
  return refuse(
    'forbidden',
    `Only ${LABEL[minimum]} or above may ${action}; you are ${LABEL[actor.role]}.`,
  );
}
