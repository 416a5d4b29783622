import { Agent, request } from 'node:http';

/** A closed-loop load generator: `concurrency` clients, each sending its next request when the last one ends. */
export interface LoadResult {
  samples: number[];
  errors: number;
}

export async function runClosedLoop(
  task: () => Promise<void>,
  { concurrency, requests }: { concurrency: number; requests: number },
): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  let remaining = requests;
  const client = async () => {
    while (remaining > 0) {
      remaining -= 1;
      const started = performance.now();
      try {
        await task();
        samples.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { samples, errors };
}

export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, rank)]!;
}

/** Keep-alive connections for the load: one per concurrent client, as a browser would hold. */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * GETs a URL and reads the whole body, failing on any non-2xx answer. The body is read and
 * dropped as it arrives, as autocannon does: the load generator shares the machine's cores with
 * the server, and buffering and decoding every response (as fetch does) cost it twice the CPU.
 */
export function fetchFully(url: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    request(url, { agent: keepAlive, headers }, (response) => {
      response.on('data', () => {});
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`${url} answered ${status}`));
      });
    })
      .on('error', reject)
      .end();
  });
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Closes the load's idle keep-alive connections, so the bench can exit. */
export function closeLoadConnections(): void {
  keepAlive.destroy();
}
