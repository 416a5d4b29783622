import { DEFAULT_SEED } from '@/lib/demo';
import { floorToCheckInterval } from '@/lib/demo/clock';
import { type DemoSandboxes, startDemoSandboxes } from '@/sandbox/demo/start';
import { sandboxPortsFromEnv, webhookTargetsFor } from '@/sandbox/launch';
import { type DemoClock, demoClockPath, readDemoClock, writeDemoClock } from './demo-clock';
import { describeSyncRuns, fillDemoDatabase } from './demo-database';
import { recordDemoTeamIds } from '@/db/seed/write';
import { connectDemoChannel } from '@/lib/alerts/demo-channel';
import { alertEncryptionKey } from '@/lib/alerts/encryption-key';
import { prepareDatabase } from './prepare-database';

/** Webhooks wait this long after a change, then go out together, as providers batch them. */
const WEBHOOK_DELAY_MS = 500;

/**
 * The demo sandboxes beside the configured database, as `npm run dev` runs them without
 * credentials (and the E2E server too): the database is migrated, the GitHub, Vercel and Neon
 * emulators start on SANDBOX_*_PORT filled with the demo, their variables go into process.env
 * (so the syncs here and the app started after use them), and an empty database is filled
 * through the syncs. Without `webhooks` the emulators keep their webhooks unsent.
 */
export async function startSandboxes(
  appUrl: string,
  { webhooks = true }: { webhooks?: boolean } = {},
): Promise<DemoSandboxes> {
  let sandboxes: DemoSandboxes | undefined;
  await prepareDatabase({
    seedIfEmpty: true,
    fill: async ({ db, config, empty }) => {
      const clockPath = demoClockPath(config);
      let clock: DemoClock | undefined = empty ? undefined : readDemoClock(clockPath);
      if (!empty && !clock) {
        console.warn(
          'envboard: this database was not filled from the sandboxes; they hold a fresh demo ' +
            'whose ids differ from it. `rm -rf .data` starts both from the same demo.',
        );
      }
      clock ??= { now: floorToCheckInterval(new Date()), seed: DEFAULT_SEED };
      sandboxes = await startDemoSandboxes({
        ...clock,
        ports: sandboxPortsFromEnv(process.env),
        webhookTargets: webhooks ? webhookTargetsFor(appUrl) : undefined,
        webhookDelayMs: WEBHOOK_DELAY_MS,
      });
      // The syncs below build their clients from these, as the app will.
      Object.assign(process.env, sandboxes.env);
      if (!empty) {
        // A demo database from before GitHub ids were stored: demo sign-in needs them.
        await recordDemoTeamIds(db, sandboxes.history);
        await connectDemoChannel(
          db,
          sandboxes.history,
          sandboxes.chatSink.baseUrl,
          alertEncryptionKey(),
        );
        return;
      }
      const started = Date.now();
      const runs = await fillDemoDatabase(db, sandboxes.history);
      await connectDemoChannel(
        db,
        sandboxes.history,
        sandboxes.chatSink.baseUrl,
        alertEncryptionKey(),
      );
      writeDemoClock(clockPath, clock);
      console.log(
        `envboard: demo written in ${Date.now() - started} ms, provider data through the syncs:\n` +
          describeSyncRuns(runs).join('\n'),
      );
    },
  });
  return sandboxes!;
}
