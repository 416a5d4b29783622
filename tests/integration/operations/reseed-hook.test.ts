import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { provision, reseed } from '@/lib/operations';
import { createWorld, openPullRequest, type World } from './world';

const SECRET = 'seed-hook-test-secret-0123456789';
let world: World;
let hookServer: Server;
const hookCalls: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  hookServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      hookCalls.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const { port } = hookServer.address() as AddressInfo;
  world = await createWorld({ seedHookUrl: `http://127.0.0.1:${port}/seed` });
});
afterAll(async () => {
  await world.close();
  await new Promise((resolve) => hookServer.close(resolve));
});
afterEach(() => {
  vi.unstubAllEnvs();
  hookCalls.length = 0;
});

const developer = () => world.actor(world.users.developer, 'developer');

async function provisionedPreview(branch: string) {
  const pr = await openPullRequest(world, branch);
  await provision(world.db, world.clients, { pullRequest: pr });
  return (await world.db.query.environments.findFirst({
    where: (e, { eq }) => eq(e.pullRequestId, pr.id),
  }))!;
}

/** What the README tells a receiver to do, written independently of envboard's code. */
function verify(header: string | undefined, body: string, secret: string, nowSeconds: number) {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=')));
  const t = Number(parts.t);
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  const fresh = Math.abs(nowSeconds - t) <= 300;
  return fresh && given.length === 32 && timingSafeEqual(given, Buffer.from(expected, 'hex'));
}

describe('the seed hook call', () => {
  it('carries an HMAC-SHA256 signature over the timestamp and the body', async () => {
    vi.stubEnv('SEED_HOOK_SECRET', SECRET);
    const environment = await provisionedPreview('feature-signed-seed');
    const result = await reseed(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(result).toMatchObject({ ok: true, operation: { state: 'succeeded' } });
    expect(hookCalls).toHaveLength(1);
    const [{ headers, body }] = hookCalls as [(typeof hookCalls)[number]];
    const signature = headers['x-envboard-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const now = Math.floor(Date.now() / 1000);
    expect(verify(signature, body, SECRET, now)).toBe(true);
    expect(JSON.parse(body)).toMatchObject({ event: 'preview.reseeded' });
    // Another secret, another body, or an old timestamp do not verify.
    expect(verify(signature, body, 'another-secret-0123456789', now)).toBe(false);
    expect(verify(signature, body.replace('reseeded', 'deleted'), SECRET, now)).toBe(false);
    expect(verify(signature, body, SECRET, now + 600)).toBe(false);
  });

  it('is refused in production without SEED_HOOK_SECRET, before the database is reset', async () => {
    const environment = await provisionedPreview('feature-unsigned-seed');
    const before = await world.db.query.dbBranches.findFirst({
      where: (b, { eq }) => eq(b.id, environment.dbBranchId!),
    });
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('SEED_HOOK_SECRET', '');
    const result = await reseed(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'preconditions_failed',
      preconditions: [
        {
          precondition: 'seed_hook_secret',
          message: 'SEED_HOOK_SECRET is not set: envboard does not call the seed hook unsigned',
        },
      ],
    });
    expect(hookCalls).toEqual([]);
    const after = world.neon.store.branches.get(before!.neonBranchId)!;
    expect(after.lastResetAt).toBeUndefined();
  });

  it('goes unsigned outside production when no secret is set', async () => {
    vi.stubEnv('SEED_HOOK_SECRET', '');
    const environment = await provisionedPreview('feature-dev-seed');
    const result = await reseed(world.db, world.clients, developer(), {
      environmentId: environment.id,
    });
    expect(result).toMatchObject({ ok: true });
    expect(hookCalls).toHaveLength(1);
    expect(hookCalls[0]!.headers['x-envboard-signature']).toBeUndefined();
  });
});
