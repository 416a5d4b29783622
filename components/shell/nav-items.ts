import type { Role } from '@/lib/domain/roles';

export interface NavItem {
  href: string;
  label: string;
  /** An SVG path (24×24 viewBox, stroked) for the icon beside the label. */
  icon: string;
  /** Shown only to this role and stronger ones; everyone with a role sees the others. */
  minimumRole?: Role;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', icon: 'M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10' },
  {
    href: '/environments',
    label: 'Environments',
    icon: 'M4 6h16v5H4zM4 13h16v5H4zM7 8.5h.01M7 15.5h.01',
  },
  {
    href: '/previews',
    label: 'Previews',
    icon: 'M6 3v12M18 9a3 3 0 100-6 3 3 0 000 6zM6 21a3 3 0 100-6 3 3 0 000 6zM18 9a9 9 0 01-9 9',
  },
  { href: '/deployments', label: 'Deployments', icon: 'M12 3l9 16H3z' },
  { href: '/tests', label: 'Tests', icon: 'M9 3h6M10 3v6l-5 10h14L14 9V3' },
  { href: '/ci', label: 'CI', icon: 'M12 8v4l3 2M12 3a9 9 0 100 18 9 9 0 000-18z' },
  {
    href: '/costs',
    label: 'Costs',
    icon: 'M12 3v18M17 7H9.5a3 3 0 000 6h5a3 3 0 010 6H6',
  },
  { href: '/uptime', label: 'Uptime', icon: 'M3 12h4l3-7 4 14 3-7h4' },
  { href: '/dora', label: 'DORA', icon: 'M4 20V10M10 20V4M16 20v-7M22 20H2' },
  { href: '/audit', label: 'Audit', icon: 'M8 4h8l3 3v13H5V4zM9 11h6M9 15h6' },
  {
    href: '/sync',
    label: 'Sync status',
    icon: 'M20 11a8 8 0 00-14.9-4M4 5v4h4M4 13a8 8 0 0014.9 4M20 19v-4h-4',
    minimumRole: 'release_manager',
  },
  {
    href: '/deliveries',
    label: 'Deliveries',
    icon: 'M4 13l4-9h8l4 9M4 13v6h16v-6M4 13h5l1 2h4l1-2h5',
    minimumRole: 'admin',
  },
  {
    href: '/alerts',
    label: 'Alerts',
    icon: 'M6 16V11a6 6 0 0112 0v5l2 2H4zM10 20a2 2 0 004 0',
    minimumRole: 'admin',
  },
  {
    href: '/cleanup',
    label: 'Cleanup',
    icon: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
    minimumRole: 'admin',
  },
  {
    href: '/tokens',
    label: 'API tokens',
    icon: 'M15 7a4 4 0 11-3.9 4.9L4 19v-3h3v-3h3l1.1-1.1A4 4 0 0115 7zM16 9h.01',
    minimumRole: 'admin',
  },
  {
    href: '/setup',
    label: 'Setup',
    icon: 'M9 12l2 2 4-4M12 3l7 3v6c0 4-3 7.5-7 9-4-1.5-7-5-7-9V6z',
    minimumRole: 'admin',
  },
];

/** The nav item a path belongs to: the overview only for "/", others for their whole subtree. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.href === '/') return pathname === '/';
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
