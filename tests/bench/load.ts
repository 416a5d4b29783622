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

/** GETs a URL and reads the whole body, failing on any non-2xx answer. */
export async function fetchFully(url: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}
