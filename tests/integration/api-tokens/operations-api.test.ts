import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listOperations } from '@/db/queries/audit';
import { getOperation } from '@/db/queries/operation-records';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { approve } from '@/lib/operations';
import { sessionCookie } from '@/tests/support/session';
import { createWorld, stagingRelease, type World } from '../operations/world';
import { finishBackgroundWork, serveWorld, signInAs } from '../operations-actions/session';

vi.mock('next/headers', async () =>
  (await import('../operations-actions/next-mocks')).headersModule(),
);
vi.mock('next/cache', async () => (await import('../operations-actions/next-mocks')).cacheModule());
vi.mock('next/server', async (original) =>
  (await import('../operations-actions/next-mocks')).serverModule(original),
);

const { POST } = await import('@/app/api/v1/operations/route');
const { GET: operationById } = await import('@/app/api/v1/operations/[id]/route');
const { approvePromotionAction } = await import('@/app/(board)/actions/approval');

/**
 * POST /api/v1/operations against a real database and the provider sandboxes, with a real
 * `operate` token: the same engine as the buttons, approval still required, the token named in
 * the audit log, and clear 400/401/403/404/409 answers.
 */

let world: World;
let operate: { token: string; id: number };
beforeAll(async () => {
  world = await createWorld({ requireApproval: true });
  serveWorld(world);
  const issued = await issueApiToken(world.db, {
    projectId: world.project.id,
    name: 'ci-deploy',
    scopes: ['read', 'operate'],
    expiresAt: null,
    createdBy: world.users.admin.githubLogin,
    actorId: world.users.admin.id,
    now: new Date(),
  });
  operate = { token: issued.token, id: issued.record.id };
});
afterAll(() => world.close());

function post(body: unknown, auth: { token?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  return POST(
    new Request('http://localhost/api/v1/operations', {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function progress(id: number, token: string) {
  const response = await operationById(
    new Request(`http://localhost/api/v1/operations/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return (await response.json()).data;
}

describe('a promotion requested with a token', () => {
  it('waits for approval, names the token in the audit log, and runs once a person approves', async () => {
    const release = await stagingRelease(world);
    const response = await post(
      { kind: 'promote', deploymentId: release.id, reason: 'release from CI' },
      { token: operate.token },
    );
    expect(response.status).toBe(202);
    const { data } = await response.json();
    expect(data).toMatchObject({ kind: 'promote', state: 'requested', reason: 'release from CI' });
    expect(response.headers.get('location')).toBe(`/api/v1/operations/${data.id}`);
    expect(await getOperation(world.db, data.id)).toMatchObject({
      actorId: null,
      actorTokenId: operate.id,
    });

    const audit = await listOperations(world.db, world.project.id, {}, { limit: 5 });
    expect(audit.rows.find((row) => row.id === data.id)).toMatchObject({
      actorName: 'API token ci-deploy',
    });

    // A token acts as a release manager for requests, but an approval needs a person.
    const asToken = await approve(world.db, world.clients, tokenActor(), {
      operationId: data.id,
      reason: 'self-approve',
    });
    expect(asToken).toMatchObject({ ok: false, code: 'forbidden' });

    await signInAs(world.users.release_manager);
    const approved = await approvePromotionAction({ operationId: data.id, reason: 'looks good' });
    expect(approved.ok).toBe(true);
    await finishBackgroundWork();
    expect(await progress(data.id, operate.token)).toMatchObject({ state: 'succeeded' });
  });

  it('a second request while one waits is a 409 naming the one in the way', async () => {
    const first = await stagingRelease(world);
    const second = await stagingRelease(world);
    const waiting = await post(
      { kind: 'promote', deploymentId: first.id, reason: 'first' },
      { token: operate.token },
    );
    expect(waiting.status).toBe(202);
    const conflict = await post(
      { kind: 'promote', deploymentId: second.id, reason: 'second' },
      { token: operate.token },
    );
    expect(conflict.status).toBe(409);
    const body = await conflict.json();
    expect(body.error.code).toBe('operation_in_progress');
    expect(body.error.message).toContain('API token');
    await signInAs(world.users.release_manager);
    const { id } = (await waiting.json()).data;
    await approvePromotionAction({ operationId: id, reason: 'clear the way' });
    await finishBackgroundWork();
  });
});

describe('a request naming things as a CI job knows them', () => {
  it('promotes a deployment named by its Vercel id', async () => {
    const release = await stagingRelease(world);
    const response = await post(
      { kind: 'promote', deployment: release.vercelId, reason: 'release by Vercel id' },
      { token: operate.token },
    );
    expect(response.status).toBe(202);
    const { data } = await response.json();
    expect((await getOperation(world.db, data.id))?.before).toMatchObject({
      deploymentId: release.id,
    });
    await signInAs(world.users.release_manager);
    await approvePromotionAction({ operationId: data.id, reason: 'go' });
    await finishBackgroundWork();
  });

  it('answers 404 for a Vercel id or a preview slug the project does not have', async () => {
    const unknownDeployment = await post(
      { kind: 'promote', deployment: 'dpl_NoSuchDeployment', reason: 'release' },
      { token: operate.token },
    );
    expect(unknownDeployment.status).toBe(404);
    expect((await unknownDeployment.json()).error.message).toContain('dpl_NoSuchDeployment');
    const unknownPreview = await post(
      { kind: 'delete', environment: 'pr-999999', reason: 'closed' },
      { token: operate.token },
    );
    expect(unknownPreview.status).toBe(404);
    expect((await unknownPreview.json()).error.message).toContain('pr-999999');
  });

  it('a rollback or a deletion naming nothing is a 400 saying what to name', async () => {
    const rollback = await post({ kind: 'rollback', reason: 'bad' }, { token: operate.token });
    expect(rollback.status).toBe(400);
    expect((await rollback.json()).error.issues).toEqual([
      expect.objectContaining({ path: 'deployment' }),
    ]);
    const deletion = await post({ kind: 'delete', reason: 'closed' }, { token: operate.token });
    expect(deletion.status).toBe(400);
    expect((await deletion.json()).error.issues).toEqual([
      expect.objectContaining({ path: 'environment' }),
    ]);
  });
});

describe('refusals', () => {
  it('a body that is not a valid request is a 400 naming the fields', async () => {
    const notJson = await post('{', { token: operate.token });
    expect(notJson.status).toBe(400);
    const missing = await post({ kind: 'promote', deploymentId: 1 }, { token: operate.token });
    expect(missing.status).toBe(400);
    expect(
      (await missing.json()).error.issues.map((issue: { path: string }) => issue.path),
    ).toEqual(['reason']);
    const unknownKind = await post({ kind: 'approve', reason: 'x' }, { token: operate.token });
    expect(unknownKind.status).toBe(400);
  });

  it('no credentials is a 401; a viewer session is a 403; an unknown deployment a 404', async () => {
    const body = { kind: 'promote', deploymentId: 999_999, reason: 'release' };
    expect((await post(body)).status).toBe(401);
    const viewer = await sessionCookie(world.users.viewer);
    const forbidden = await post(body, { cookie: viewer });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('forbidden');
    expect((await post(body, { token: operate.token })).status).toBe(404);
  });
});

function tokenActor() {
  return {
    userId: 0,
    githubId: null,
    login: 'API token ci-deploy',
    name: 'API token ci-deploy',
    avatarUrl: null,
    role: 'release_manager' as const,
    projectId: world.project.id,
    tokenId: operate.id,
  };
}
