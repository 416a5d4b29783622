import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenLocally } from '../http/server';
import type { EnvironmentKind } from '@/lib/domain/environments';
import { createRandom } from '@/lib/demo/random';
import type { Incident } from '@/lib/demo/timeline';
import { healthCheckOutcome } from '@/lib/demo/uptime';

/** A host the sandbox answers for, and the kind of environment behind it (its usual latency). */
export interface UptimeHost {
  host: string;
  kind: EnvironmentKind;
}

/** An incident of one host: its checks fail between `from` and `to` (epoch ms). */
export type HostIncident = Omit<Incident, 'environmentSlug'> & { host: string };

export interface UptimeSandboxOptions {
  hosts: readonly UptimeHost[];
  incidents?: readonly HostIncident[];
  port?: number;
  seed?: number;
  now?: () => number;
}

export interface UptimeSandbox {
  /** Probe `https://<host>/<path>` as `<baseUrl>/<host>/<path>`. */
  baseUrl: string;
  /** Plans one more incident, e.g. a test's outage starting now. */
  planIncident: (incident: HostIncident) => void;
  close: () => Promise<void>;
}

/**
 * The demo's deployments as a health-check target: envboard's uptime probes of the demo's
 * invented hosts come here instead of the internet. Each answer takes the latency that kind of
 * environment usually has and follows the planned incidents: a 503 during an `http_503` one, no
 * answer at all during a `timeout` one (the probe gives up, as it would on a hung function).
 * A host it does not know answers like a preview: a new pull request's deployment is real here
 * too. Only 127.0.0.1 listens.
 */
export async function startUptimeSandbox(options: UptimeSandboxOptions): Promise<UptimeSandbox> {
  const kinds = new Map(options.hosts.map((entry) => [entry.host, entry.kind]));
  const incidents = [...(options.incidents ?? [])];
  const now = options.now ?? Date.now;
  const random = createRandom(options.seed ?? 1);
  const held = new Set<ServerResponse>();

  function answer(request: IncomingMessage, response: ServerResponse) {
    const [host] = (request.url ?? '/').split('/').filter(Boolean);
    if (!host || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const at = now();
    const incident = incidents.find(
      (item) => item.host === host && at >= item.from && at < item.to,
    );
    const outcome = healthCheckOutcome(
      random,
      kinds.get(host) ?? 'preview',
      incident && { ...incident, environmentSlug: host },
    );
    if (outcome.statusCode === null) {
      held.add(response);
      response.on('close', () => held.delete(response));
      return;
    }
    const status = outcome.statusCode;
    setTimeout(() => {
      response
        .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(status === 200 ? { status: 'ok' } : { status: 'unavailable' }));
    }, outcome.latencyMs ?? 0);
  }

  const server = createServer(answer);
  return {
    baseUrl: await listenLocally(server, options.port),
    planIncident: (incident) => incidents.push(incident),
    close: () => {
      for (const response of held) response.destroy();
      return closeServer(server);
    },
  };
}

/** The host of a URL, e.g. `acme-web.vercel.app`; null for a URL that does not parse. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
