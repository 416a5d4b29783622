import type { DemoHistory } from '@/lib/demo';
import { hostOf, startUptimeSandbox, type UptimeSandbox } from '../uptime';

/**
 * The uptime sandbox for the demo: every live environment's host with its kind, and the
 * history's incidents on those hosts, so a probe inside one fails as the history says it did.
 */
export function startDemoUptimeSandbox(
  history: DemoHistory,
  options: { now: () => number; seed?: number; port?: number },
): Promise<UptimeSandbox> {
  const hostBySlug = new Map<string, string>();
  const hosts = history.environments.flatMap((env) => {
    const host = hostOf(env.healthUrl);
    if (!host) return [];
    hostBySlug.set(env.slug, host);
    return [{ host, kind: env.kind }];
  });
  const incidents = history.incidents.flatMap(({ environmentSlug, ...window }) => {
    const host = hostBySlug.get(environmentSlug);
    return host ? [{ ...window, host }] : [];
  });
  return startUptimeSandbox({ hosts, incidents, ...options });
}
