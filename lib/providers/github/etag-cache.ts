/** A GET response kept so a later `304 Not Modified` can be answered from it. */
export interface CachedResponse {
  etag: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Where validators live. In memory per client by default; a sync that runs in a fresh
 * serverless instance each time can pass one backed by Postgres instead.
 */
export interface EtagCache {
  get(url: string): Promise<CachedResponse | undefined> | CachedResponse | undefined;
  set(url: string, response: CachedResponse): Promise<void> | void;
}

/** Least-recently-used eviction keeps a long-lived process from growing without bound. */
export class MemoryEtagCache implements EtagCache {
  private readonly entries = new Map<string, CachedResponse>();

  constructor(private readonly maxEntries = 1000) {}

  get(url: string): CachedResponse | undefined {
    const entry = this.entries.get(url);
    if (entry) {
      this.entries.delete(url);
      this.entries.set(url, entry);
    }
    return entry;
  }

  set(url: string, response: CachedResponse): void {
    this.entries.delete(url);
    this.entries.set(url, response);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
