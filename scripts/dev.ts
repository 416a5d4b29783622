import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import nextEnv from '@next/env';
import type { DemoSandboxes } from '@/sandbox/demo/start';
import { webhookTargetsFor } from '@/sandbox/launch';
import { startSandboxes } from './demo-sandboxes';
import { devServerPort, providerMode } from './dev-mode';
import { prepareDatabase } from './prepare-database';

/**
 * `npm run dev`. With provider credentials it migrates (and on an empty database seeds) the
 * database and starts `next dev`. With none it first starts the GitHub, Vercel and Neon
 * emulators filled with the demo, and hands `next dev` the same variables production sets, so
 * the app's own clients, syncs and webhook endpoints run against them.
 *
 * The database is prepared in this process and closed before `next dev` starts: PGlite allows
 * one process per data folder.
 */

// Read .env files the way `next dev` will, so credentials kept there count.
nextEnv.loadEnvConfig(process.cwd(), true);

function describe(sandboxes: DemoSandboxes, appUrl: string, cronSecret: string): string {
  const { env, history } = sandboxes;
  const targets = webhookTargetsFor(appUrl);
  return [
    'envboard: no provider credentials configured: running against the local sandboxes',
    `  GitHub  ${env.GITHUB_API_URL}  repo ${env.GITHUB_REPOSITORY}, webhooks → ${targets.github}`,
    `  Vercel  ${env.VERCEL_API_URL}  project ${history.project.vercelProjectId}, webhooks → ${targets.vercel}`,
    `  Neon    ${env.NEON_API_URL}  project ${env.NEON_PROJECT_ID}`,
    `  alerts  ${env.CHAT_SINK_URL}  chat sink: what the demo's alert channel received`,
    `  cron    curl -H "Authorization: Bearer ${cronSecret}" ${appUrl}/api/cron/github`,
    `  board   ${appUrl}`,
  ].join('\n');
}

function startNext(env: NodeJS.ProcessEnv, onExit: (code: number) => void): ChildProcess {
  const next = spawn('npx', ['next', 'dev', ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
  next.on('exit', (code) => onExit(code ?? 0));
  return next;
}

const providers = providerMode(process.env);
if (providers.mode === 'providers') {
  if (providers.missing.length > 0) {
    console.warn(
      `envboard: ${providers.missing.join(', ')} not set: those providers' calls will fail.`,
    );
  }
  await prepareDatabase({ seedIfEmpty: true });
  startNext(process.env, (code) => process.exit(code));
} else {
  const appUrl = `http://localhost:${devServerPort(process.argv.slice(2), process.env)}`;
  const sandboxes = await startSandboxes(appUrl);
  // Cron routes refuse to run without a secret; a local one lets them be called by hand.
  process.env.CRON_SECRET ||= randomBytes(18).toString('base64url');
  console.log(describe(sandboxes, appUrl, process.env.CRON_SECRET));
  startNext(process.env, (code) => {
    void sandboxes.close().finally(() => process.exit(code));
  });
}
