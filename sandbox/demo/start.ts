import { type DemoHistory, demoHistory } from '@/lib/demo';
import { DEMO_TEAM_ROLES } from '@/lib/demo/team';
import { launchSandboxes, type LaunchedSandboxes, type SandboxLaunchOptions } from '../launch';
import { type ChatSink, startChatSink } from '../chat-sink';
import type { UptimeSandbox } from '../uptime';
import { startDemoUptimeSandbox } from './uptime';
import { demoProviderIds, fillSandboxesFromDemo } from './index';

/** The Neon organisation the demo project belongs to; consumption history asks for one. */
export const DEMO_NEON_ORG_ID = 'org-acme-inc-demo';

export interface DemoSandboxes extends LaunchedSandboxes {
  history: DemoHistory;
  uptime: UptimeSandbox;
  chatSink: ChatSink;
}

/**
 * Starts the three emulators under the demo's repository and project ids and fills them with the
 * demo history for `now` and `seed` — the history `seedDemo` writes for the same two values. The
 * emulators' clocks start at `now` and run on from there, so a history for a past `now` stays
 * as it was (no preview branch expires under it).
 */
export async function startDemoSandboxes(
  options: { now?: Date; seed?: number } & Pick<
    SandboxLaunchOptions,
    'ports' | 'webhookTargets' | 'webhookDelayMs' | 'neonOperationMs'
  > = {},
): Promise<DemoSandboxes> {
  const history = demoHistory({ now: options.now, seed: options.seed });
  const ids = demoProviderIds(history);
  const offset = options.now ? options.now.getTime() - Date.now() : 0;
  const sandboxes = await launchSandboxes({
    ...options,
    clock: () => Date.now() + offset,
    githubRepository: ids.githubRepository,
    vercelTeamId: ids.vercelTeamId,
    neonProjectId: ids.neonProjectId,
    neonOrgId: DEMO_NEON_ORG_ID,
  });
  fillSandboxesFromDemo(sandboxes, history);
  // The release managers' role comes from the org's release team, which the sandbox serves: the
  // team sync reads it as it would read GitHub's.
  sandboxes.env.GITHUB_TEAM_ROLES = DEMO_TEAM_ROLES;
  // The demo's hosts are invented: their health checks go to the sandbox, never to DNS.
  const uptime = await startDemoUptimeSandbox(history, {
    now: () => Date.now() + offset,
    seed: options.seed,
  }).catch(async (error: unknown) => {
    await sandboxes.close();
    throw error;
  });
  sandboxes.env.UPTIME_SANDBOX_URL = uptime.baseUrl;
  // Where the demo's alert channel posts: a local Slack stand-in that lists what it received.
  const chatSink = await startChatSink({ port: options.ports?.chatSink }).catch(
    async (error: unknown) => {
      await Promise.all([sandboxes.close(), uptime.close()]);
      throw error;
    },
  );
  sandboxes.env.CHAT_SINK_URL = chatSink.baseUrl;
  const close = () =>
    Promise.all([sandboxes.close(), uptime.close(), chatSink.close()]).then(() => undefined);
  return { ...sandboxes, history, uptime, chatSink, close };
}
