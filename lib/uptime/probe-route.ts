import { currentEnv, type Env } from '@/lib/settings/env';
import { uptimeEnv } from '@/lib/settings/schemas';

const REAL_VERCEL_API = 'https://api.vercel.com';

/**
 * Where uptime probes go. With the provider sandboxes (no real credentials) the environments'
 * hosts are invented, so the demo launcher names the uptime sandbox in UPTIME_SANDBOX_URL and
 * probes go there. Once the Vercel client talks to Vercel's real API the deployments are real,
 * and so are the probes: the variable is then ignored, whatever it says.
 */
export function uptimeSandboxUrl(env: Env = currentEnv()): string | undefined {
  const parsed = uptimeEnv.parse(env);
  if (!parsed.UPTIME_SANDBOX_URL) return undefined;
  if (new URL(parsed.VERCEL_API_URL).origin === REAL_VERCEL_API) return undefined;
  return parsed.UPTIME_SANDBOX_URL;
}

/** `https://host/api/health` as the sandbox serves it: `<sandbox>/host/api/health`. */
export function probeUrl(url: string, sandboxUrl: string | undefined): string {
  if (!sandboxUrl) return url;
  const target = new URL(url);
  return `${sandboxUrl.replace(/\/+$/, '')}/${target.host}${target.pathname}${target.search}`;
}
