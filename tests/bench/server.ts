import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCH_BUILD_ENV = { ENVBOARD_BENCH_BUILD: '1' };

/**
 * Builds the benchmark's own copy (.next-bench, with the floor page) once, then runs
 * `next start` on it in its own process group.
 */
export async function startProductionServer(
  port: number,
  env: Record<string, string>,
): Promise<{ baseUrl: string; stop: () => void }> {
  if (!existsSync('.next-bench/BUILD_ID') || process.argv.includes('--build')) {
    execSync('npx next build', { stdio: 'inherit', env: { ...process.env, ...BENCH_BUILD_ENV } });
  }
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
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`next start did not become healthy on ${baseUrl} within 60 s`);
}
