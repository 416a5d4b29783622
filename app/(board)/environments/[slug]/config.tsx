import { ActionNotice } from '@/components/admin/action-notice';
import { ConfigDriftNotice } from '@/components/environments/config-drift-notice';
import { EnvironmentConfigView } from '@/components/environments/environment-config';
import { Tabs } from '@/components/ui/tabs';
import type { Database } from '@/db/client';
import type { Project } from '@/db/schema';
import { readEnvironmentConfig } from '@/lib/config/environment-config';
import { type DriftEnvironment, hasDrift } from '@/lib/domain/config-drift';
import { providers } from '@/lib/wiring/provider-clients';

/** The environment page's tabs, each a URL: `?tab=config` is the Config tab. */
export type EnvironmentTab = 'overview' | 'config';

export function environmentTab(value: string | string[] | undefined): EnvironmentTab {
  return value === 'config' ? 'config' : 'overview';
}

export function configHref(slug: string): string {
  return `/environments/${encodeURIComponent(slug)}?tab=config`;
}

export function EnvironmentTabs({ slug, tab }: { slug: string; tab: EnvironmentTab }) {
  return (
    <Tabs
      label="Environment"
      tabs={[
        {
          href: `/environments/${encodeURIComponent(slug)}`,
          label: 'Overview',
          current: tab === 'overview',
        },
        { href: configHref(slug), label: 'Config', current: tab === 'config' },
      ]}
    />
  );
}

interface ConfigProps {
  db: Database;
  project: Project;
  environment: DriftEnvironment;
}

const vercel = () => providers.vercel;

/** The Config tab, read live from Vercel. */
export async function ConfigTab({ db, project, environment }: ConfigProps) {
  const reading = await readEnvironmentConfig(db, vercel, project, environment);
  if (!reading.ok) {
    return (
      <ActionNotice tone="bad" testId="config-error">
        Vercel&apos;s environment variables cannot be read: {reading.error}
      </ActionNotice>
    );
  }
  return <EnvironmentConfigView environment={reading.environment} drift={reading.drift} />;
}

/**
 * The Overview's flag: shown when this environment lacks what production or staging has, or
 * holds a name no other environment has. Vercel unreachable: nothing (the Config tab says why).
 */
export async function ConfigNotice({ db, project, environment }: ConfigProps) {
  const reading = await readEnvironmentConfig(db, vercel, project, environment);
  if (!reading.ok || !hasDrift(reading.drift)) return null;
  const onlyHere = reading.drift.onlyOne.filter((item) => item.slug === environment.slug).length;
  if (reading.environment.missing.length === 0 && onlyHere === 0) return null;
  return (
    <ConfigDriftNotice
      environment={reading.environment}
      onlyHere={onlyHere}
      href={configHref(environment.slug)}
    />
  );
}
