import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type Environment, type Project, uptimeChecks } from '@/db/schema';
import { runSync } from '@/lib/sync/run-sync';
import { uptimeProbesJob } from '@/lib/uptime/uptime-job';
import { createEnvironment, createProject } from '@/tests/support/factories';
import { createTestDatabase } from '@/tests/support/test-database';

// Generous for a loopback answer on a busy machine; the slow endpoint never answers in time.
const TIMEOUT_MS = 1_500;
const NOW = new Date('2026-03-20T12:00:00Z');

let handle: DatabaseHandle;
let server: Server;
let base: string;
let refusedUrl: string;
let project: Project;
const envs: Record<string, Environment> = {};
/** Requests that arrived while the slow one was still waiting for its answer. */
const arrivedWhileSlowOpen: string[] = [];
let slowOpen = false;
let releaseSlow = () => {};

function listen(target: Server): Promise<number> {
  return new Promise((resolve) =>
    target.listen(0, '127.0.0.1', () => resolve((target.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  handle = await createTestDatabase();
  server = createServer((request, response) => {
    if (slowOpen) arrivedWhileSlowOpen.push(request.url ?? '');
    switch (request.url) {
      case '/healthz':
        response.writeHead(200).end('ok');
        return;
      case '/broken':
        response.writeHead(500, 'Internal Server Error').end('boom');
        return;
      case '/login':
        response.writeHead(302, { location: '/signin' }).end();
        return;
      case '/slow':
        // Answers only when the test lets it, long after the probe has given up.
        slowOpen = true;
        releaseSlow = () => {
          slowOpen = false;
          response.writeHead(200).end('late');
        };
        return;
      default:
        response.writeHead(404).end();
    }
  });
  base = `http://127.0.0.1:${await listen(server)}`;
  // A port that was just free and is closed again: connecting to it is refused.
  const closed = createServer();
  const closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  refusedUrl = `http://127.0.0.1:${closedPort}/healthz`;

  project = await createProject(handle.db);
  // Created in this order, so the slow one is probed first and holds a slot throughout.
  envs.slow = await createEnvironment(handle.db, project, { healthUrl: `${base}/slow` });
  envs.healthy = await createEnvironment(handle.db, project, { healthUrl: `${base}/healthz` });
  envs.broken = await createEnvironment(handle.db, project, { healthUrl: `${base}/broken` });
  envs.redirect = await createEnvironment(handle.db, project, {
    healthUrl: null,
    url: `${base}/login`,
  });
  envs.refused = await createEnvironment(handle.db, project, { healthUrl: refusedUrl });
  envs.deleted = await createEnvironment(handle.db, project, {
    healthUrl: `${base}/healthz`,
    status: 'deleted',
    deletedAt: new Date('2026-03-01T00:00:00Z'),
  });
});
afterAll(async () => {
  releaseSlow();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

describe("the 'uptime.probes' sync", () => {
  it('records what each active environment answered, within the timeout', async () => {
    const run = await runSync(
      handle.db,
      uptimeProbesJob({ projectId: project.id, timeoutMs: TIMEOUT_MS, concurrency: 2 }),
      () => NOW,
    );
    expect(run).toMatchObject({
      kind: 'uptime.probes',
      status: 'succeeded',
      itemsSeen: 5,
      apiCalls: 5,
    });

    const checks = await handle.db
      .select()
      .from(uptimeChecks)
      .orderBy(asc(uptimeChecks.environmentId));
    const byEnvironment = new Map(checks.map((check) => [check.environmentId, check]));
    expect(checks.every((check) => check.checkedAt.getTime() === NOW.getTime())).toBe(true);
    expect(byEnvironment.has(envs.deleted!.id)).toBe(false);

    expect(byEnvironment.get(envs.healthy!.id)).toMatchObject({
      ok: true,
      statusCode: 200,
      error: null,
    });
    expect(byEnvironment.get(envs.healthy!.id)!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(byEnvironment.get(envs.redirect!.id)).toMatchObject({ ok: true, statusCode: 302 });
    expect(byEnvironment.get(envs.broken!.id)).toMatchObject({
      ok: false,
      statusCode: 500,
      error: 'HTTP 500 Internal Server Error',
    });
    expect(byEnvironment.get(envs.slow!.id)).toMatchObject({
      ok: false,
      statusCode: null,
      latencyMs: null,
      error: `timeout: no answer within ${TIMEOUT_MS} ms`,
    });
    expect(byEnvironment.get(envs.refused!.id)).toMatchObject({
      ok: false,
      statusCode: null,
      error: expect.stringMatching(/^connection refused: /),
    });
  });

  it('probed the others while the dead one was still hanging', () => {
    expect(arrivedWhileSlowOpen).toEqual(['/healthz', '/broken', '/login']);
  });

  it('records nothing twice when the same run instant is probed again', async () => {
    releaseSlow();
    await runSync(
      handle.db,
      uptimeProbesJob({ projectId: project.id, timeoutMs: TIMEOUT_MS }),
      () => NOW,
    );
    const healthy = await handle.db
      .select()
      .from(uptimeChecks)
      .where(eq(uptimeChecks.environmentId, envs.healthy!.id));
    expect(healthy).toHaveLength(1);
  });
});
