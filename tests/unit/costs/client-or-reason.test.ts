import { describe, expect, it } from 'vitest';
import { clientOrReason } from '@/lib/costs/run-cost-syncs';
import { vercelConfigFromEnv } from '@/lib/providers/vercel/config';

describe('clientOrReason', () => {
  it('hands back the client when its settings are there', () => {
    expect(clientOrReason(() => vercelConfigFromEnv({ VERCEL_TOKEN: 't' }))).toEqual({
      client: { baseUrl: 'https://api.vercel.com', token: 't', teamId: undefined },
    });
  });

  it('says which setting is missing instead of failing the cron', () => {
    const outcome = clientOrReason(() => vercelConfigFromEnv({}));
    expect(outcome).toEqual({ skipped: expect.stringContaining('VERCEL_TOKEN') });
  });
});
