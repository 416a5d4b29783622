import { role as roleEnum } from '@/db/schema/enums';

/**
 * The one place roles are ordered: each role can do everything the ones before it can.
 * The database enum lists them in this order, so the order is read from it.
 */
export const ROLES = roleEnum.enumValues;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  developer: 'Developer',
  release_manager: 'Release manager',
  admin: 'Admin',
};

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Whether `role` may do what `minimum` may. */
export function hasRole(role: Role, minimum: Role): boolean {
  return roleRank(role) >= roleRank(minimum);
}

/** The strongest of several roles, or undefined for none. */
export function highestRole(roles: readonly Role[]): Role | undefined {
  return roles.reduce<Role | undefined>(
    (best, role) => (best === undefined || roleRank(role) > roleRank(best) ? role : best),
    undefined,
  );
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
