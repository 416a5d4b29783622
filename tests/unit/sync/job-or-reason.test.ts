import { describe, expect, it } from 'vitest';
import { vercelConfigFromEnv } from '@/lib/settings/provider-settings';
import { jobOrReason } from '@/lib/sync/run-sync';

describe('jobOrReason', () => {
  it('hands back the job when its settings are there', () => {
    expect(jobOrReason(() => vercelConfigFromEnv({ VERCEL_TOKEN: 't' }))).toEqual({
      job: { baseUrl: 'https://api.vercel.com', token: 't', teamId: undefined },
    });
  });

  it('says which setting is missing instead of failing the cron', () => {
    const outcome = jobOrReason(() => vercelConfigFromEnv({}));
    expect(outcome).toEqual({ skipped: expect.stringContaining('VERCEL_TOKEN') });
  });
});
