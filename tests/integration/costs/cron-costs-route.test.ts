import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/cron/costs/route';

const secret = process.env.CRON_SECRET;
beforeAll(() => {
  process.env.CRON_SECRET = 'cron-costs-secret';
});
afterAll(() => {
  process.env.CRON_SECRET = secret;
});

describe('GET /api/cron/costs', () => {
  it('refuses a request without the cron secret, before any work', async () => {
    const response = await GET(new Request('http://localhost/api/cron/costs'));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses a wrong secret', async () => {
    const response = await GET(
      new Request('http://localhost/api/cron/costs', {
        headers: { authorization: 'Bearer not-the-secret' },
      }),
    );
    expect(response.status).toBe(401);
  });
});
