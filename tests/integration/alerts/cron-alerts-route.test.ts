import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/cron/alerts/route';

const secret = process.env.CRON_SECRET;
afterEach(() => {
  process.env.CRON_SECRET = secret;
});

const request = (authorization?: string) =>
  new Request('http://localhost/api/cron/alerts', {
    headers: authorization ? { authorization } : {},
  });

describe('GET /api/cron/alerts', () => {
  it('refuses a request without the cron secret, before any work', async () => {
    process.env.CRON_SECRET = 'cron-alerts-secret';
    const response = await GET(request());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses a wrong secret', async () => {
    process.env.CRON_SECRET = 'cron-alerts-secret';
    expect((await GET(request('Bearer cron-uptime-secret'))).status).toBe(401);
  });

  it('answers 503 when the server has no cron secret at all', async () => {
    delete process.env.CRON_SECRET;
    const response = await GET(request('Bearer anything'));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'cron_not_configured' } });
  });
});
