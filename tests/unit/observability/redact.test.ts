import { describe, expect, it } from 'vitest';
import { captureLogs, log } from '@/lib/observability/log';
import { redact, redactFields, secretValues } from '@/lib/observability/redact';

// Token-shaped fixtures are assembled here so no token-shaped string sits in the source, where a
// secret scanner would rightly flag it.
const GITHUB_TOKEN = `ghp_${'0123456789abcdef'.repeat(2)}ABCD`;
const FINE_GRAINED_TOKEN = `github_pat_11${'A'.repeat(7)}0123456789_${'abcdefgh'.repeat(2)}`;

describe('redact', () => {
  it.each([
    ['a connection string', 'connect postgres://app:hunter2-pw@db.example:5432/app failed'],
    ['a bearer token', 'sent Authorization: Bearer abcdEFGH1234.xyz'],
    ['an envboard API token', 'token envb_api_Q2hhbmdlIG1lIHBsZWFzZQ was revoked'],
    ['an upload token', 'upload with envb_ingest_x9Y8z7W6v5U4'],
    ['a GitHub token', `GitHub said no to ${GITHUB_TOKEN}`],
    ['a fine-grained GitHub token', FINE_GRAINED_TOKEN],
    ['a secret query parameter', 'GET https://hook.example/seed?secret=s3cr3t-value&x=1'],
  ])('hides %s', (_what, text) => {
    const redacted = redact(text, []);
    expect(redacted).toContain('[redacted]');
    for (const secret of [
      'hunter2-pw',
      'abcdEFGH1234.xyz',
      'Q2hhbmdlIG1lIHBsZWFzZQ',
      'x9Y8z7W6v5U4',
      '0123456789abcdefABCDEF',
      '11ABCDEFG0123456789',
      's3cr3t-value',
    ]) {
      expect(redacted).not.toContain(secret);
    }
  });

  it('keeps the rest of the text readable', () => {
    expect(redact('connect postgres://app:pw@db.example:5432/app failed', [])).toBe(
      'connect postgres://[redacted]@db.example:5432/app failed',
    );
    expect(redact('HTTP 404 not_found: branch br-quiet-1 does not exist', [])).toBe(
      'HTTP 404 not_found: branch br-quiet-1 does not exist',
    );
  });

  it('hides the values of the secret settings, and a connection string’s password alone', () => {
    const secrets = secretValues({
      CRON_SECRET: 'cron-secret-value',
      DATABASE_URL: 'postgres://app:db-password-1@db.example/app',
      VERCEL_TOKEN: 'short',
      ENVBOARD_PROJECT: 'shop-project',
    });
    expect(secrets).toEqual(expect.arrayContaining(['cron-secret-value', 'db-password-1']));
    // Too short to scrub by value, and a setting that is no secret.
    expect(secrets).not.toContain('short');
    expect(secrets).not.toContain('shop-project');
    expect(redact('password db-password-1 refused; cron cron-secret-value', secrets)).toBe(
      'password [redacted] refused; cron [redacted]',
    );
  });

  it('redacts string fields and leaves numbers alone', () => {
    expect(redactFields({ url: 'postgres://a:b@c/d', status: 500 }, [])).toEqual({
      url: 'postgres://[redacted]@c/d',
      status: 500,
    });
  });
});

describe('log', () => {
  it('writes one JSON line per event with its level, message and fields, redacted', () => {
    const lines: [string, string][] = [];
    const restore = captureLogs((level, line) => lines.push([level, line]));
    try {
      log.info('sync run', { kind: 'vercel.deployments', apiCalls: 2 });
      log.error(
        'operation step failed',
        new Error('could not reach postgres://app:pw-123@db/app', {
          cause: new Error(`token ${GITHUB_TOKEN} expired`),
        }),
      );
    } finally {
      restore();
    }
    expect(lines).toHaveLength(2);
    const [info, error] = lines.map(([level, line]) => ({ level, entry: JSON.parse(line) }));
    expect(info).toMatchObject({
      level: 'info',
      entry: { level: 'info', message: 'sync run', kind: 'vercel.deployments', apiCalls: 2 },
    });
    expect(error!.entry).toMatchObject({
      level: 'error',
      message: 'operation step failed',
      error: 'Error: could not reach postgres://[redacted]@db/app',
      cause: 'Error: token [redacted] expired',
    });
    expect(JSON.stringify(error!.entry)).not.toContain('pw-123');
    expect(Date.parse(info!.entry.time)).not.toBeNaN();
  });
});
