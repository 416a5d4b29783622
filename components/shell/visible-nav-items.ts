import { hasRole, type Role } from '@/lib/domain/roles';
import { NAV_ITEMS, type NavItem } from './nav-items';

/** The nav items `role` may open; the server picks them so the browser gets no role rules. */
export function visibleNavItems(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.minimumRole || hasRole(role, item.minimumRole));
}
