/**
 * The one place roles are ordered: each role can do everything the ones before it can. The
 * database enum is built from this list, so it keeps the same order.
 */
export const ROLES = ['viewer', 'developer', 'release_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Where a membership came from: given by hand, or mapped from a GitHub team at sign-in. */
export const MEMBERSHIP_SOURCES = ['manual', 'team'] as const;
export type MembershipSource = (typeof MEMBERSHIP_SOURCES)[number];

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
