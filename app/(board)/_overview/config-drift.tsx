import { ConfigDriftSummary } from '@/components/overview/config-drift-summary';
import { getDatabase } from '@/db/client';
import type { Project } from '@/db/schema';
import { readProjectDrift } from '@/lib/config/environment-config';
import { hasDrift } from '@/lib/domain/config-drift';
import { providers } from '@/lib/wiring/provider-clients';
import { configHref } from '../environments/[slug]/config';

/**
 * Drift between the long-lived environments' Vercel variables, read live; nothing when there is
 * none or Vercel cannot be read (the Config tab says why).
 */
export async function ConfigDriftWidget({ project }: { project: Project }) {
  const reading = await readProjectDrift(getDatabase(), () => providers.vercel, project);
  if (!reading.ok || !hasDrift(reading.drift)) return null;
  return <ConfigDriftSummary drift={reading.drift} configHref={configHref} />;
}
