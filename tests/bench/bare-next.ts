import { execSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoadJs } from './first-load-js';

const DIRECTORY = '.next-bench-bare';

const FILES: Record<string, string> = {
  'package.json': '{ "private": true }\n',
  // Its own Turbopack root, so the build sees none of envboard's files (proxy, instrumentation).
  'next.config.mjs': 'export default { turbopack: { root: import.meta.dirname } };\n',
  'app/layout.jsx': `export const dynamic = 'force-dynamic';
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  'app/page.jsx': `export const dynamic = 'force-dynamic';
export default function Page() {
  return <p>{new Date().toISOString()}</p>;
}
`,
};

/**
 * P3's reference: the first-load JS of a bare Next.js app — a root layout and one dynamic page
 * — built in this run with the same Next.js, React and bundler as envboard. Its node_modules are
 * hard links to envboard's (Turbopack does not follow a symlink out of its root).
 */
export async function bareNextFirstLoadBytes(port: number): Promise<number> {
  rmSync(DIRECTORY, { recursive: true, force: true });
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(DIRECTORY, path, '..'), { recursive: true });
    writeFileSync(join(DIRECTORY, path), content);
  }
  execSync(`cp -al node_modules ${DIRECTORY}/node_modules`);
  execSync('./node_modules/.bin/next build', { cwd: DIRECTORY, stdio: 'ignore' });
  const server = spawn('./node_modules/.bin/next', ['start', '--port', String(port)], {
    cwd: DIRECTORY,
    stdio: 'ignore',
    detached: true,
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        if ((await fetch(baseUrl)).ok) break;
      } catch {
        if (attempt > 120) throw new Error(`the bare Next.js app did not start on ${baseUrl}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    return (await firstLoadJs(baseUrl, '/')).bytes;
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(DIRECTORY, { recursive: true, force: true });
  }
}
