import { databaseConfigFromEnv } from '@/db/client';
import { startDemoSandboxes } from '@/sandbox/demo/start';
import { sandboxPortsFromEnv, webhookTargetsFor } from '@/sandbox/launch';
import { demoClockPath, readDemoClock } from './demo-clock';

/**
 * `npm run sandbox`: the GitHub, Vercel and Neon emulators alone, filled with the demo, until
 * Ctrl-C. It prints the variables that point envboard (or any client) at them. When the
 * configured database was filled from the sandboxes before, they are filled for that same demo,
 * so the ids match what the database holds. Webhooks go to APP_URL (default
 * http://localhost:3000) /api/webhooks/*.
 */

const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const clock = readDemoClock(demoClockPath(databaseConfigFromEnv()));
const sandboxes = await startDemoSandboxes({
  ...clock,
  ports: sandboxPortsFromEnv(process.env),
  webhookTargets: webhookTargetsFor(appUrl),
  webhookDelayMs: 500,
});

const { history } = sandboxes;
console.log(
  `envboard sandbox: the demo for ${history.now.toISOString()}: ${history.pullRequests.length} ` +
    `pull requests, ${history.deployments.length} deployments, ` +
    `${history.dbBranches.filter((branch) => branch.state !== 'deleted').length} Neon branches; ` +
    `webhooks → ${appUrl}/api/webhooks/{github,vercel}\n`,
);
for (const [name, value] of Object.entries(sandboxes.env)) console.log(`${name}=${value}`);
console.log(`VERCEL_PROJECT_ID=${history.project.vercelProjectId}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void sandboxes.close().finally(() => process.exit(0)));
}
