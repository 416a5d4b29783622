import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxes } from '@/scripts/demo-sandboxes';
import { E2E_GITHUB_WEBHOOK_SECRET } from './webhook-secret';

/**
 * Playwright's webServer: the app on a fresh embedded database, migrated and seeded with the
 * demo history through the same path as `npm run dev`, so every run sees the same data and
 * never touches a developer's .data folder.
 */
const port = process.env.E2E_PORT ?? '3100';
// `next dev` reloads pages while it compiles them, which breaks tests mid-step: by default the
// suite builds and runs `next start`. E2E_USE_BUILD=1 reuses an existing build (CI builds first);
// E2E_DEV=1 runs `next dev` for quick iteration.
const useDev = process.env.E2E_DEV === '1';
const reuseBuild = process.env.E2E_USE_BUILD === '1';
if (reuseBuild && !existsSync('.next/BUILD_ID')) {
  throw new Error('E2E_USE_BUILD=1 needs a production build: run "npx next build" first.');
}
if (!useDev && !reuseBuild) execSync('npx next build', { stdio: 'inherit' });

const folder = await mkdtemp(join(tmpdir(), 'envboard-e2e-'));
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
process.env.PGLITE_DIR = join(folder, 'pglite');
// Empty, not unset: Next.js fills unset variables from .env files, which may name another database.
process.env.DATABASE_URL = '';
process.env.DATABASE_DRIVER = '';

// The provider sandboxes, started and filled as `npm run dev` starts them, so operations work.
// Free ports unless told, so runs side by side do not collide; webhooks stay unsent (specs send
// their own, signed with the secrets set below).
for (const name of [
  'SANDBOX_GITHUB_PORT',
  'SANDBOX_VERCEL_PORT',
  'SANDBOX_NEON_PORT',
  'SANDBOX_CHAT_SINK_PORT',
]) {
  process.env[name] ||= '0';
}
// Alert channel URLs are encrypted at rest; production (next start) refuses to start without a key.
process.env.ENVBOARD_ENCRYPTION_KEY ||= randomBytes(32).toString('base64');
await startSandboxes(`http://127.0.0.1:${port}`, { webhooks: false });

// Sign-in as production runs it, with a fresh secret per run; the demo team signs in through the
// same Credentials provider `npm run dev` offers, switched on for this production server.
process.env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
process.env.NEXTAUTH_SECRET = randomBytes(32).toString('base64');
process.env.ENVBOARD_DEMO_SIGNIN = '1';
process.env.GITHUB_ID = '';
process.env.GITHUB_SECRET = '';
// Specs send signed GitHub deliveries to the real webhook route.
process.env.GITHUB_WEBHOOK_SECRET = E2E_GITHUB_WEBHOOK_SECRET;
// Cron routes secured as deployed (and as `npm run dev` runs them): a call without the secret is
// refused with a 401, not answered 503 as by a server that lacks one.
process.env.CRON_SECRET ||= randomBytes(18).toString('base64url');

// Same process group as this script: Playwright stops the whole group, and with it
// next-server, which otherwise outlives its parent when only the parent is killed.
const next = spawn(
  'npx',
  ['next', useDev ? 'dev' : 'start', '--port', port, '--hostname', '127.0.0.1'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on('exit', (code) => process.exit(code ?? 0));
