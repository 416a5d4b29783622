import { spawn } from 'node:child_process';
import { prepareDatabase } from './prepare-database';

// The embedded database must be migrated (and seeded on first run) before Next.js opens it:
// PGlite allows one process per data folder, so this process closes it before `next dev` starts.
await prepareDatabase({ seedIfEmpty: true });

const next = spawn('npx', ['next', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on('exit', (code) => process.exit(code ?? 0));
