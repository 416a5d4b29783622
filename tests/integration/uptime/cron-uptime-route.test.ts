import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/cron/uptime/route';

const secret = process.env.CRON_SECRET;
beforeAll(() => {
  process.env.CRON_SECRET = 'cron-uptime-secret';
});
afterAll(() => {
  process.env.CRON_SECRET = secret;
});

describe('GET /api/cron/uptime', () => {
  it('refuses a request without the cron secret, before any work', async () => {
    const response = await GET(new Request('http://localhost/api/cron/uptime'));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses a wrong secret', async () => {
    const response = await GET(
      new Request('http://localhost/api/cron/uptime', {
        headers: { authorization: 'Bearer cron-costs-secret' },
      }),
    );
    expect(response.status).toBe(401);
  });
});
