import { Tabs } from '@/components/ui/tabs';

const TABS = [
  { href: '/alerts', label: 'Channels' },
  { href: '/alerts/rules', label: 'Rules' },
  { href: '/alerts/history', label: 'History' },
] as const;

/** The Alerts area's three pages: where alerts go, what makes them fire, and what was sent. */
export function AlertTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return (
    <Tabs label="Alerts" tabs={TABS.map((tab) => ({ ...tab, current: tab.href === current }))} />
  );
}
