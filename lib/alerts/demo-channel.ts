import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { projects } from '@/db/schema';
import { writeDemoAlerts } from '@/db/seed/alerts';
import { pointNamedAlertChannel } from '@/db/writes';
import type { DemoHistory } from '@/lib/demo';
import { demoAlerts } from '@/lib/demo/alerts';
import { maskUrl } from './channel-secrets';
import { encryptSecret } from './secret-box';

export const DEMO_CHANNEL_NAME = 'Chat sink (demo)';

/**
 * Points the demo project's alert channel at the chat sink running now (its port may differ
 * between runs), adding it on the first run together with the history's past alerts, so a
 * newcomer's Alerts page and history show alerts flowing. Nothing to do without the demo project.
 */
export async function connectDemoChannel(
  db: Database,
  history: DemoHistory,
  sinkUrl: string,
  key: Buffer,
): Promise<void> {
  const [project] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.slug, history.project.slug));
  if (!project) return;
  const url = `${sinkUrl}/slack/demo-alerts`;
  await db.transaction(async (tx) => {
    const channel = await pointNamedAlertChannel(tx, {
      projectId: project.id,
      name: DEMO_CHANNEL_NAME,
      kind: 'slack',
      urlCiphertext: encryptSecret(url, key),
      urlHint: maskUrl(url),
      createdBy: null,
    });
    if (channel.added) await writeDemoAlerts(tx, project.id, channel.id, demoAlerts(history));
  });
}
