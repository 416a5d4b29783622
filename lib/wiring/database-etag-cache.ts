import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { providerEtags } from '@/db/schema';
import type { CachedResponse, EtagCache } from '@/lib/providers/github/etag-cache';

/**
 * ETags kept in Postgres: each cron run is a fresh serverless instance, so an in-memory cache
 * would be empty every time and every sync would pay for full responses.
 */
export class DatabaseEtagCache implements EtagCache {
  constructor(private readonly db: Database) {}

  async get(url: string): Promise<CachedResponse | undefined> {
    const [row] = await this.db
      .select({ body: providerEtags.body })
      .from(providerEtags)
      .where(eq(providerEtags.key, url))
      .limit(1);
    return row?.body as CachedResponse | undefined;
  }

  async set(url: string, response: CachedResponse): Promise<void> {
    await this.db
      .insert(providerEtags)
      .values({ key: url, etag: response.etag, body: response })
      .onConflictDoUpdate({
        target: providerEtags.key,
        set: { etag: response.etag, body: response, updatedAt: new Date() },
      });
  }
}
