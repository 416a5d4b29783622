import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser E2E runs in: CHROMIUM_PATH, else Debian's chromium, else Playwright's own
 * download. Nothing is downloaded here (no `npx playwright install`): a missing browser stops
 * the run at once with the way to get one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, but no browser exists there.`);
  }
  const found = [DEBIAN_CHROMIUM, playwrightChromium()].find((path) => path && existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found: install Debian\'s chromium (apt-get install chromium), set CHROMIUM_PATH to a Chromium binary, or run "npx playwright install chromium".',
  );
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags that keep Chromium quiet and working in a container (no sandbox, no GPU, no updates). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
