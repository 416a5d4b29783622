import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { seedHookSecret, seedHookSignature } from '@/lib/operations/seed-hook';

const SECRET = 'a-seed-hook-secret-of-32-chars!!';

describe('seed hook signing', () => {
  test('t is the unix second; v1 the HMAC-SHA256 of "<t>.<body>"', () => {
    const body = '{"event":"preview.reseeded"}';
    const at = new Date(Date.UTC(2026, 11, 6, 18, 0, 0, 750));
    const t = Math.floor(at.getTime() / 1000);
    const v1 = createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex');
    expect(seedHookSignature(SECRET, body, at)).toBe(`t=${t},v1=${v1}`);
  });

  test('the secret comes from SEED_HOOK_SECRET; production refuses to go without one', () => {
    expect(seedHookSecret({ SEED_HOOK_SECRET: SECRET, NODE_ENV: 'production' })).toEqual({
      secret: SECRET,
    });
    expect(seedHookSecret({ NODE_ENV: 'development' })).toEqual({});
    expect(seedHookSecret({ SEED_HOOK_SECRET: '', NODE_ENV: 'production' }).refusal).toEqual({
      precondition: 'seed_hook_secret',
      message: 'SEED_HOOK_SECRET is not set: envboard does not call the seed hook unsigned',
    });
  });

  test('a secret too short is refused, naming the variable, not thrown', () => {
    expect(seedHookSecret({ SEED_HOOK_SECRET: 'short' }).refusal).toEqual({
      precondition: 'seed_hook_secret',
      message: 'SEED_HOOK_SECRET must be at least 16 characters',
    });
  });
});
