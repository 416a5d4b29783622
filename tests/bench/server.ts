import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCH_BUILD_ENV = { ENVBOARD_BENCH_BUILD: '1' };

/** `--reuse-build` skips the build when .next-bench holds one (e.g. run twice in a row). */
const reuseBuild = process.argv.includes('--reuse-build');
let built = false;

/**
 * Builds the benchmark's own copy (.next-bench, with the floor page) once per run, so the
 * figures are of the code checked out, then runs `next start` on it in its own process group.
 */
export async function startProductionServer(
  port: number,
  env: Record<string, string>,
): Promise<{ baseUrl: string; groupId: number; stop: () => void }> {
  if (!built && !(reuseBuild && existsSync('.next-bench/BUILD_ID'))) {
    execSync('npx next build', { stdio: 'inherit', env: { ...process.env, ...BENCH_BUILD_ENV } });
  }
  built = true;
  const child: ChildProcess = spawn('npx', ['next', 'start', '--port', String(port)], {
    env: { ...process.env, ...env, ...BENCH_BUILD_ENV, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
    // `next start` spawns a child that outlives its parent: kill the whole group.
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  };
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, groupId: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`next start did not become healthy on ${baseUrl} within 60 s`);
}
